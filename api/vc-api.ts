// The W3C VC API (issue, verify, status), did:web documents and status lists, over HTTP.
import { Router, type Request, type Response, type NextFunction } from 'express';
import {
  CredentialInputError,
  VC_V2_CONTEXT,
  failureKind,
  type Check,
  type VerificationReport,
} from '../credentials/index.ts';
import { PUBLIC, type Actor } from '../domain/identity/index.ts';
import { DomainError, InputValidationError } from '../domain/shared/index.ts';
import { HTTP_STATUS_FOR } from './http-status.ts';
import type { IssuedCredentialRecord } from '../domain/issuance/index.ts';
import type { Services } from './services.ts';

const VCDM = 'https://www.w3.org/TR/vc-data-model#';
const MALFORMED_VALUE = `${VCDM}MALFORMED_VALUE_ERROR`;

/** VC Data Model 2.0 problem details (section 7.1), plus our own for checks it has no type for. */
function problemFor(check: Check): { type: string; code?: number; title: string; detail: string } {
  const c = check.code;
  const base = {
    title: check.message.en,
    detail: `${check.id}: ${check.message.en} / ${check.message.zh}`,
  };
  if (c === 'MALFORMED' || c === 'UNSUPPORTED_FORMAT')
    return { type: `${VCDM}PARSING_ERROR`, code: -64, ...base };
  if (c === 'CONTEXT_UNKNOWN' || c === 'TERM_UNDEFINED')
    return { type: `${VCDM}MALFORMED_VALUE_ERROR`, code: -66, ...base };
  if (c === 'EXPIRED' || c === 'NOT_YET_VALID')
    return { type: `${VCDM}RANGE_ERROR`, code: -67, ...base };
  if (check.id === 'proof' || check.id === 'keyNotRevoked' || check.id === 'holderProof') {
    return { type: `${VCDM}CRYPTOGRAPHIC_SECURITY_ERROR`, code: -65, ...base };
  }
  return { type: `urn:creditbank:problem:${c}`, ...base };
}

function verificationBody(report: VerificationReport) {
  const failed = report.checks.filter((c) => c.status === 'failed');
  return {
    verified: report.verified,
    format: report.format,
    checks: report.checks,
    warnings: report.checks.filter((c) => c.status === 'warning').map(problemFor),
    errors: failed.map(problemFor),
    ...(report.credential ? { document: report.credential } : {}),
  };
}

/** A JWT may come bare, or as a VC 2.0 EnvelopedVerifiableCredential (a data: URL). */
function unwrapEnvelope(input: unknown): unknown {
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    const types = Array.isArray(o['type']) ? o['type'] : [o['type']];
    if (
      (types.includes('EnvelopedVerifiableCredential') ||
        types.includes('EnvelopedVerifiablePresentation')) &&
      typeof o['id'] === 'string'
    ) {
      const m = /^data:application\/(vc|vp)\+jwt,(.+)$/.exec(o['id']);
      if (m) return m[2];
    }
  }
  return input;
}

/** The issued credential as the VC API returns it: the document itself, or a JWT in an envelope. */
export function verifiableCredentialOf(c: IssuedCredentialRecord): Record<string, unknown> {
  if (c.format === 'vc+jwt') {
    return {
      '@context': VC_V2_CONTEXT,
      id: `data:application/vc+jwt,${c.serialized}`,
      type: 'EnvelopedVerifiableCredential',
    };
  }
  return JSON.parse(c.serialized) as Record<string, unknown>;
}

function problem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  res
    .status(status)
    .type('application/problem+json')
    .json({ type: 'about:blank', title, status, detail, ...extra });
}

/** A credential id as given: a URL or URN (a caller's own id), or the bare UUID of one of ours. */
const credentialIdOf = (id: string) => (id.includes(':') ? id : `urn:uuid:${id}`);

/** Where in the request body a credential problem is: in the credential, or in the options. */
const requestProperty = (property: string) =>
  property.startsWith('options.') ? property : `credential.${property}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The VC API's status option: `options.credentialStatus.type`. Every credential gets our revocation
 * and suspension entries (BitstringStatusListEntry); asking for another kind is refused.
 */
function checkStatusOption(value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value) || value['type'] !== 'BitstringStatusListEntry') {
    throw new InputValidationError(
      'options.credentialStatus.type must be "BitstringStatusListEntry": it is the status this issuer maintains',
      { field: 'options.credentialStatus' },
    );
  }
}

type Handler = (req: Request, res: Response, actor: Actor) => Promise<void>;

export function vcApiRouter(services: Services): Router {
  const r = Router();
  const { credentials, keys } = services;

  /** Authenticates, runs, and turns domain errors into problem details (never a 500 for a user's mistake). */
  const route =
    (handler: Handler, { auth }: { auth: boolean }) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const actor = auth ? await services.authenticate(req.headers.authorization) : PUBLIC;
        await handler(req, res, actor);
      } catch (err) {
        if (err instanceof DomainError) {
          const field = err.details?.['field'];
          problem(res, HTTP_STATUS_FOR[err.code], err.code, err.message, {
            ...(err.code === 'INPUT_VALIDATION_ERROR' ? { type: MALFORMED_VALUE } : {}),
            ...(typeof field === 'string' ? { property: field } : {}),
            ...(Array.isArray(err.details?.['problems'])
              ? { problems: err.details['problems'] }
              : {}),
          });
          return;
        }
        // JSON-LD processing refused the caller's credential while it was being signed.
        if (err instanceof CredentialInputError) {
          problem(res, 400, 'INPUT_VALIDATION_ERROR', err.message, {
            type: MALFORMED_VALUE,
            property: requestProperty(err.property),
            problems: err.problems.map((p) => ({ ...p, property: requestProperty(p.property) })),
          });
          return;
        }
        next(err);
      }
    };

  const body = (req: Request): Record<string, unknown> => {
    const b: unknown = req.body;
    if (!b || typeof b !== 'object' || Array.isArray(b))
      throw new InputValidationError('The request body must be a JSON object');
    return b as Record<string, unknown>;
  };

  r.post(
    '/credentials/issue',
    route(
      async (req, res, actor) => {
        const b = body(req);
        const credential = b['credential'];
        const options = b['options'] ?? {};
        if (!isObject(credential)) {
          throw new InputValidationError(
            'credential must be a JSON object (an unsecured credential)',
            { field: 'credential' },
          );
        }
        if (!isObject(options))
          throw new InputValidationError('options must be an object', { field: 'options' });
        checkStatusOption(options['credentialStatus']);
        if (actor.kind !== 'staff' && actor.kind !== 'apikey') {
          throw new DomainError(
            actor.kind === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
            'Only an institution issues credentials',
          );
        }
        const learnerId = options['learnerId'];
        if (typeof learnerId !== 'string') {
          throw new InputValidationError(
            'options.learnerId names the learner the credential is for',
            { field: 'options.learnerId' },
          );
        }
        const [row] = await credentials.issueMany(actor, [
          {
            institutionId: actor.institutionId,
            learnerId,
            what: {
              kind: 'custom',
              credential,
              ...('mandatoryPointers' in options
                ? { mandatoryPointers: options['mandatoryPointers'] }
                : {}),
            },
            format: typeof options['format'] === 'string' ? options['format'] : null,
            requestKey:
              typeof options['credentialId'] === 'string' ? options['credentialId'] : null,
          },
        ]);
        if (!row) throw new Error('no result');
        if ('error' in row) throw row.error;
        // 201 for a new credential; 200 when the same request (same credentialId) was issued before.
        res
          .status(row.created ? 201 : 200)
          .json({ verifiableCredential: verifiableCredentialOf(row.credential) });
      },
      { auth: true },
    ),
  );

  r.post(
    '/credentials/verify',
    route(
      async (req, res) => {
        const b = body(req);
        if (!('verifiableCredential' in b))
          throw new InputValidationError('verifiableCredential is required');
        const given = b['verifiableCredential'];
        // Data Integrity: a secured document that is not a map is a PARSING_ERROR. A string here is
        // a compact JWT; a credential serialised into a string is not one.
        if (typeof given === 'string' && given.trim().startsWith('{')) {
          problem(
            res,
            400,
            'INPUT_VALIDATION_ERROR',
            'verifiableCredential must be a JSON object or a compact JWT, not JSON in a string',
            {
              type: `${VCDM}PARSING_ERROR`,
              property: 'verifiableCredential',
            },
          );
          return;
        }
        // An EnvelopedVerifiableCredential goes to the verifier as it came: its @context is checked too.
        const report = await credentials.verifyCredential(given);
        const kind = failureKind(report);
        res.status(kind === 'none' ? 200 : 400).json(verificationBody(report));
      },
      { auth: false },
    ),
  );

  r.post(
    '/presentations/verify',
    route(
      async (req, res) => {
        const b = body(req);
        if (!('verifiablePresentation' in b))
          throw new InputValidationError('verifiablePresentation is required');
        const options = (b['options'] ?? {}) as Record<string, unknown>;
        const report = await credentials.verifyPresentation(
          unwrapEnvelope(b['verifiablePresentation']),
          {
            ...(typeof options['challenge'] === 'string'
              ? { challenge: options['challenge'] }
              : {}),
            ...(typeof options['domain'] === 'string' ? { domain: options['domain'] } : {}),
          },
        );
        res.status(report.verified ? 200 : 400).json({
          ...verificationBody(report),
          credentialResults: report.credentials.map(verificationBody),
        });
      },
      { auth: false },
    ),
  );

  r.post(
    '/credentials/status',
    route(
      async (req, res, actor) => {
        const b = body(req);
        const id = b['credentialId'];
        const entry = b['credentialStatus'] as Record<string, unknown> | undefined;
        const status = b['status'];
        if (typeof id !== 'string')
          throw new InputValidationError('credentialId is required', { field: 'credentialId' });
        if (!entry || typeof entry !== 'object' || typeof status !== 'boolean') {
          throw new InputValidationError(
            'credentialStatus { type, statusPurpose } and a boolean status are required',
          );
        }
        const purpose = entry['statusPurpose'];
        const reason =
          typeof b['reason'] === 'string' && b['reason']
            ? b['reason']
            : 'status updated through the VC API';
        let action: 'revoked' | 'suspended' | 'reinstated';
        if (purpose === 'revocation' && status) action = 'revoked';
        else if (purpose === 'suspension') action = status ? 'suspended' : 'reinstated';
        else if (purpose === 'revocation')
          throw new InputValidationError('A revocation cannot be undone; suspend instead');
        else
          throw new InputValidationError('statusPurpose is revocation or suspension', {
            field: 'credentialStatus.statusPurpose',
          });
        const updated = await credentials.changeStatus(actor, credentialIdOf(id), action, reason);
        res.status(200).json({
          credentialId: updated.id,
          revoked: updated.revoked,
          suspended: updated.suspended,
        });
      },
      { auth: true },
    ),
  );

  r.get(
    '/credentials/:id',
    route(
      async (req, res, actor) => {
        const raw = String(req.params['id']);
        const c = await credentials.get(actor, credentialIdOf(raw));
        res.json(verifiableCredentialOf(c));
      },
      { auth: true },
    ),
  );

  r.get(
    '/status-lists/:slug/:purpose/:list',
    route(
      async (req, res) => {
        const { serialized, etag } = await credentials.statusListCredential(
          String(req.params['slug']),
          String(req.params['purpose']),
          Number(req.params['list']),
        );
        // Verifiers may cache a list a few minutes; a revocation is visible within that time.
        res.setHeader('Cache-Control', 'public, max-age=300, must-revalidate');
        res.setHeader('ETag', `"${etag}"`);
        if (req.headers['if-none-match'] === `"${etag}"`) {
          res.status(304).end();
          return;
        }
        res.type('application/vc+ld+json').send(serialized);
      },
      { auth: false },
    ),
  );

  // A learner's shared link (not part of the VC API): the credential and the verifier's report in
  // one answer, for whoever holds the link until it expires or is withdrawn (410). Each opening is
  // recorded for the learner; `?viewer=` lets the viewer say who they are.
  r.get(
    '/shared/:token',
    route(
      async (req, res) => {
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Referrer-Policy', 'no-referrer');
        res.setHeader('X-Robots-Tag', 'noindex');
        const viewer = typeof req.query['viewer'] === 'string' ? req.query['viewer'] : null;
        const { share, credential, verification } = await services.sharing.open(
          String(req.params['token']),
          { via: 'link', name: viewer, userAgent: req.headers['user-agent'] ?? null },
        );
        res.json({
          verifiableCredential: verifiableCredentialOf(credential),
          audience: share.audience,
          expiresAt: share.expiresAt,
          verification: verificationBody(verification),
        });
      },
      { auth: false },
    ),
  );

  const didDocument = async (did: string, res: Response) => {
    const doc = await keys.didDocument(did);
    if (!doc) {
      problem(res, 404, 'NOT_FOUND', `No DID document for ${did}`);
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/did+json').send(JSON.stringify(doc));
  };
  r.get(
    '/.well-known/did.json',
    route((_req, res) => didDocument(keys.platformDid, res), { auth: false }),
  );
  r.get(
    '/institutions/:slug/did.json',
    route(
      (req, res) =>
        didDocument(`${keys.platformDid}:institutions:${String(req.params['slug'])}`, res),
      { auth: false },
    ),
  );
  return r;
}
