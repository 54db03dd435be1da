// What the server's verification endpoints answer (POST /credentials/verify, /presentations/verify,
// GET /shared/<token>): read defensively, since new kinds of checks and warnings may appear.
export interface CheckView {
  id: string;
  status: string;
  code: string;
  message: { zh?: string; en?: string } | undefined;
}

export interface ReportView {
  verified: boolean;
  format: string | undefined;
  checks: CheckView[];
  warnings: { code: string; message: { zh?: string; en?: string } | string | undefined }[];
  document: Record<string, unknown> | undefined;
  credentials: ReportView[];
  /** Why there is no report at all (the request failed). */
  problem: string | undefined;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A string or number as text; anything else as the fallback. */
export const str = (v: unknown, fallback = ''): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;

export function readReport(body: unknown): ReportView {
  const b = obj(body);
  const view = readBody(b);
  // A check with status "warning" carries its own message in both languages: prefer it to the
  // VC API's problem details, which carry English only.
  const fromChecks = view.checks
    .filter((c) => c.status === 'warning')
    .map((c) => ({ code: c.code, message: c.message }));
  return fromChecks.length ? { ...view, warnings: fromChecks } : view;
}

function readBody(b: Record<string, unknown>): ReportView {
  return {
    verified: b['verified'] === true,
    format: typeof b['format'] === 'string' ? b['format'] : undefined,
    checks: arr(b['checks']).map((c) => {
      const o = obj(c);
      return {
        id: str(o['id'], '?'),
        status: str(o['status'], 'failed'),
        code: str(o['code']),
        message: o['message'] && typeof o['message'] === 'object' ? o['message'] : undefined,
      };
    }),
    warnings: arr(b['warnings']).map((w) => {
      const o = obj(w);
      const message = o['message'];
      return {
        code: str(o['code']) || str(o['id']),
        message:
          typeof message === 'string'
            ? message
            : message && typeof message === 'object'
              ? message
              : typeof w === 'string'
                ? w
                : undefined,
      };
    }),
    document: b['document'] ? obj(b['document']) : undefined,
    credentials: arr(b['credentials']).map(readReport),
    problem:
      b['verified'] === undefined ? str(b['detail']) || str(b['title']) || undefined : undefined,
  };
}

export async function verifyText(text: string): Promise<ReportView> {
  const t = text.trim();
  let body: Record<string, unknown> = { verifiableCredential: t };
  let path = '/credentials/verify';
  if (t.startsWith('{')) {
    try {
      const doc = obj(JSON.parse(t));
      const types = Array.isArray(doc['type']) ? doc['type'] : [doc['type']];
      if (types.includes('VerifiablePresentation')) {
        body = { verifiablePresentation: doc };
        path = '/presentations/verify';
      } else body = { verifiableCredential: doc };
    } catch {
      // Not JSON after all: the server says what is wrong with it.
    }
  }
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return readReport(await res.json());
}
