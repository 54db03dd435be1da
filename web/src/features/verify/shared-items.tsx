// A shared link of several credentials: a verdict for the whole, then each credential with its issuer, status and checks.
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/base/card/card.tsx';
import { useFormat } from '../../lib/format.ts';
import { CredentialDetails } from '../shared/credential-details.tsx';
import { jwtPayload, readCredential } from '../shared/credential-reader.ts';
import type { InstitutionInfo } from '../shared/institutions.ts';
import { ChecksTable } from './checks-table.tsx';
import { Registration } from './registration.tsx';
import type { ReportView } from './report.ts';
import { StatusNotice } from './status-notice.tsx';
import { Verdict } from './verdict.tsx';

export interface SharedItem {
  id: string;
  /** The credential as the link gave it: JSON, or an envelope around a JWT. */
  text: string;
  report: ReportView;
}

function documentOf(item: SharedItem): Record<string, unknown> | undefined {
  if (item.report.document) return item.report.document;
  try {
    const doc = JSON.parse(item.text) as Record<string, unknown>;
    const id = typeof doc['id'] === 'string' ? doc['id'] : '';
    const jwt = /^data:application\/vc\+jwt,(.+)$/.exec(id);
    return jwt ? jwtPayload(jwt[1]!) : doc;
  } catch {
    return undefined;
  }
}

export function SharedItems({
  items,
  institutions,
}: {
  items: SharedItem[];
  institutions: InstitutionInfo[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const lang = f.lang === 'zh' ? 'zh' : 'en';
  const all = items.every((i) => i.report.verified);
  return (
    <section id="result" aria-live="polite">
      <p id="verdict" className={all ? 'verdict ok' : 'verdict bad'}>
        {all ? t('portal.verifyMore.allVerified') : t('portal.verifyMore.notAllVerified')}
      </p>
      <p>{t('portal.verifyMore.several', { count: items.length })}</p>
      {items.map((item, i) => {
        const doc = documentOf(item);
        const readable = doc ? readCredential(doc, lang) : undefined;
        return (
          <Card
            key={item.id || i}
            title={`${t('portal.verifyMore.nth', { n: i + 1, total: items.length })}${readable?.name ? ` · ${readable.name}` : ''}`}
            className="shared-item"
          >
            <div data-testid="shared-item" data-verified={String(item.report.verified)}>
              <Verdict report={item.report} />
              {readable && <StatusNotice credentialId={readable.id} />}
              {readable && <CredentialDetails c={readable} claimedOnly={!item.report.verified} />}
              {readable && (
                <Registration issuerId={readable.issuerId} institutions={institutions} />
              )}
              <ChecksTable report={item.report} />
            </div>
          </Card>
        );
      })}
    </section>
  );
}
