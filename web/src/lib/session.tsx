// The signed-in session: the bearer token lives in sessionStorage (this tab only) and in memory.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { onSessionExpired, setToken } from './graphql.ts';

export type Role = 'LEARNER' | 'STAFF' | 'OPERATOR' | 'API_KEY';

export interface Session {
  token: string;
  expiresAt: string;
  role: Role;
  name: string;
  email: string;
  learnerId: string | null;
  institutionId: string | null;
}

interface SessionState {
  session: Session | null;
  /** Why the last session ended, if it ended on its own (shown on the sign-in page). */
  ended: 'expired' | null;
  signIn: (session: Session) => void;
  signOut: () => void;
}

const KEY = 'creditbank.session';
const SessionContext = createContext<SessionState | null>(null);

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return Date.parse(s.expiresAt) > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(() => {
    const s = load();
    setToken(s?.token ?? null);
    return s;
  });
  const [ended, setEnded] = useState<'expired' | null>(null);

  const signIn = useCallback((s: Session) => {
    sessionStorage.setItem(KEY, JSON.stringify(s));
    setToken(s.token);
    setEnded(null);
    setSession(s);
  }, []);
  const end = useCallback((why: 'expired' | null) => {
    sessionStorage.removeItem(KEY);
    setToken(null);
    setEnded(why);
    setSession(null);
  }, []);
  const signOut = useCallback(() => end(null), [end]);

  useEffect(() => {
    onSessionExpired(() => end('expired'));
    return () => onSessionExpired(null);
  }, [end]);
  // The token's own expiry ends the session even when no request notices it.
  useEffect(() => {
    if (!session) return;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(() => end('expired'), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, end]);

  const value = useMemo(
    () => ({ session, ended, signIn, signOut }),
    [session, ended, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
