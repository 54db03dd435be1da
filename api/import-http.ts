// Import uploads over plain HTTP: the file is the request body, streamed into an import job (not a GraphQL string).
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { DomainError, InputValidationError } from '../domain/shared/index.ts';
import type { ImportPhase, StoredRowError } from '../domain/ledger/index.ts';
import { HTTP_STATUS_FOR } from './http-status.ts';
import type { Services } from './services.ts';

const SAMPLES_DIR = fileURLToPath(new URL('../examples/import/', import.meta.url));
/** The sample files linked from the import page, by name (nothing else under examples/ is served). */
const SAMPLES: Record<string, string> = {
  'zju-grades.csv': 'text/csv; charset=utf-8',
  'zju-grades.jsonl': 'application/x-ndjson; charset=utf-8',
};

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A cell of the error report: quoted when it holds a comma, quote or line break; no formula can start it. */
function csvCell(v: string | number | undefined | null): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const errorCsvHeader = 'line,sourceRecordId,code,field,message';
export const errorCsvLine = (e: StoredRowError) =>
  [e.line, e.sourceRecordId, e.code, e.field, e.message].map(csvCell).join(',');

export function importRouter(services: Services): Router {
  const r = Router();
  const route =
    (handler: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        await handler(req, res);
      } catch (err) {
        if (!(err instanceof DomainError)) return next(err);
        const status = HTTP_STATUS_FOR[err.code];
        if (res.headersSent) return void res.end();
        // The client may still be sending a body we no longer read: close once answered.
        if (!req.complete) res.setHeader('Connection', 'close');
        res
          .status(status)
          .type('application/problem+json')
          .json({
            type: 'about:blank',
            title: err.code,
            status,
            detail: err.message,
            ...(typeof err.details?.['field'] === 'string' ? { field: err.details['field'] } : {}),
          });
      }
    };

  /**
   * POST /imports?institutionId=…&format=csv|jsonl&fileName=… with the file as the body. Answers
   * 202 with the job once the file is stored; checking it goes on in the background.
   */
  r.post(
    '/imports',
    route(async (req, res) => {
      const actor = await services.authenticate(req.headers.authorization);
      const institutionId = one(req.query['institutionId']);
      if (!institutionId)
        throw new InputValidationError('institutionId is required', { field: 'institutionId' });
      const job = await services.importJobs.upload(
        actor,
        {
          institutionId,
          format: one(req.query['format']) ?? '',
          fileName: one(req.query['fileName']),
        },
        req,
      );
      res.status(202).json({ id: job.id, status: job.status, size: job.size });
    }),
  );

  /** Every stored row error of a phase, as CSV (the page offers it as a download). */
  r.get(
    '/imports/:id/errors.csv',
    route(async (req, res) => {
      const actor = await services.authenticate(req.headers.authorization);
      const phase: ImportPhase = req.query['phase'] === 'write' ? 'write' : 'check';
      const id = String(req.params['id'] ?? '');
      let page = await services.importJobs.errors(actor, id, phase, 0, 2000);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="import-${phase}-errors.csv"`);
      res.write(`${errorCsvHeader}\n`);
      while (page.length > 0) {
        res.write(page.map(errorCsvLine).join('\n') + '\n');
        if (page.length < 2000) break;
        page = await services.importJobs.errors(actor, id, phase, page.at(-1)!.seq, 2000);
      }
      res.end();
    }),
  );

  r.get('/examples/import/:file', (req, res, next) => {
    const name = String(req.params['file'] ?? '');
    const type = SAMPLES[name];
    if (!type) return next();
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    createReadStream(path.join(SAMPLES_DIR, name)).on('error', next).pipe(res);
  });
  return r;
}
