// The routes: each page is its own chunk, loaded when first visited.
import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Loading } from '../components/base/loading/loading.tsx';
import { SessionProvider } from '../lib/session.tsx';
import { Layout } from './layout.tsx';
// Not React's lazy: a page appears as soon as its chunk arrives (see lazy-page.tsx).
import { lazyPage as lazy } from './lazy-page.tsx';
import { RequireRole } from './require-role.tsx';

const Landing = lazy(() => import('../features/landing/landing-page.tsx'));
const SignIn = lazy(() => import('../features/auth/sign-in-page.tsx'));
const Record = lazy(() => import('../features/record/record-page.tsx'));
const Balances = lazy(() => import('../features/balances/balances-page.tsx'));
const Programmes = lazy(() => import('../features/programmes/programmes-page.tsx'));
const Recognition = lazy(() => import('../features/recognition/recognition-page.tsx'));
const Credentials = lazy(() => import('../features/credentials/credentials-page.tsx'));
const PrintedCredential = lazy(() => import('../features/credentials/printed-credential-page.tsx'));
const Verify = lazy(() => import('../features/verify/verify-page.tsx'));
const Activate = lazy(() => import('../features/account/activate-page.tsx'));
const StaffActivate = lazy(() => import('../features/account/staff-activate-page.tsx'));
const Reset = lazy(() => import('../features/account/reset-page.tsx'));
const Account = lazy(() => import('../features/account/account-page.tsx'));
const Sharing = lazy(() => import('../features/sharing/sharing-page.tsx'));
const ConsoleLayout = lazy(() => import('../features/console/console-layout.tsx'));
const ConsoleHome = lazy(() => import('../features/console/console-home.tsx'));
const ConsoleRecord = lazy(() => import('../features/console/record-page.tsx'));
const ConsoleRecords = lazy(() => import('../features/console/records-page.tsx'));
const ConsoleImport = lazy(() => import('../features/console/import-page.tsx'));
const ConsoleRecognition = lazy(() => import('../features/console/recognition-page.tsx'));
const ConsoleProgrammes = lazy(() => import('../features/console/programmes-page.tsx'));
const ConsoleAwards = lazy(() => import('../features/console/awards-page.tsx'));
const ConsoleKeys = lazy(() => import('../features/console/keys-page.tsx'));
const ConsoleInstitutions = lazy(() => import('../features/console/institutions-page.tsx'));
const ConsoleStaff = lazy(() => import('../features/console/staff-page.tsx'));
const ConsoleAuditTrail = lazy(() => import('../features/console/audit-trail-page.tsx'));
const NotFound = lazy(() => import('../features/landing/not-found-page.tsx'));

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Layout>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<Landing />} />
              <Route path="/signin" element={<SignIn />} />
              <Route path="/activate" element={<Activate />} />
              <Route path="/activate/staff" element={<StaffActivate />} />
              <Route path="/reset" element={<Reset />} />
              <Route path="/verify" element={<Verify />} />
              <Route path="/shared/:token" element={<Verify />} />
              <Route path="/verify/credentials/:id" element={<PrintedCredential />} />
              <Route element={<RequireRole roles={['LEARNER']} />}>
                <Route path="/record" element={<Record />} />
                <Route path="/balances" element={<Balances />} />
                <Route path="/programmes" element={<Programmes />} />
                <Route path="/recognition" element={<Recognition />} />
                <Route path="/credentials" element={<Credentials />} />
                <Route path="/sharing" element={<Sharing />} />
              </Route>
              <Route element={<RequireRole roles={['LEARNER', 'STAFF', 'OPERATOR']} />}>
                <Route path="/account" element={<Account />} />
              </Route>
              <Route element={<RequireRole roles={['STAFF', 'OPERATOR']} />}>
                <Route path="/console" element={<ConsoleLayout />}>
                  <Route index element={<ConsoleHome />} />
                  <Route element={<RequireRole roles={['STAFF']} />}>
                    <Route path="record" element={<ConsoleRecord />} />
                    <Route path="records" element={<ConsoleRecords />} />
                    <Route path="import" element={<ConsoleImport />} />
                    <Route path="recognition" element={<ConsoleRecognition />} />
                    <Route path="programmes" element={<ConsoleProgrammes />} />
                    <Route path="awards" element={<ConsoleAwards />} />
                    <Route path="keys" element={<ConsoleKeys />} />
                  </Route>
                  <Route element={<RequireRole roles={['OPERATOR']} />}>
                    <Route path="institutions" element={<ConsoleInstitutions />} />
                    <Route path="staff" element={<ConsoleStaff />} />
                    <Route path="audit-trail" element={<ConsoleAuditTrail />} />
                  </Route>
                </Route>
              </Route>
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </Layout>
      </BrowserRouter>
    </SessionProvider>
  );
}
