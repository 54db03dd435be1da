// Signed checkpoints over plain HTTP GET: the notes and the verifier key as text, the proofs as JSON.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { DomainError, InputValidationError, NotFound } from '../domain/shared/index.ts';
import { HTTP_STATUS_FOR } from './http-status.ts';
import type { Services } from './services.ts';

const positiveInt = (raw: unknown, field: string): number => {
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw) || !Number.isSafeInteger(n))
    throw new InputValidationError(`${field} must be a checkpoint number (1, 2, …)`, { field });
  return n;
};

export function checkpointRouter(services: Services): Router {
  const r = Router();
  const { checkpoints } = services;
  const route =
    (handler: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        await handler(req, res);
      } catch (err) {
        if (!(err instanceof DomainError)) return next(err);
        const status = HTTP_STATUS_FOR[err.code];
        res
          .status(status)
          .type('application/problem+json')
          .json({ type: 'about:blank', title: err.code, status, detail: err.message });
      }
    };
  const note = (res: Response, text: string, cache: string) =>
    res.setHeader('Cache-Control', cache).type('text/plain; charset=utf-8').send(text);

  r.get(
    '/checkpoints/key',
    route((_req, res) => {
      note(res, `${checkpoints.verifierKey}\n`, 'public, max-age=3600');
      return Promise.resolve();
    }),
  );
  r.get(
    '/checkpoints/latest',
    route(async (_req, res) => {
      const c = await checkpoints.latest();
      if (!c) throw new NotFound('Checkpoint', '(none published yet)');
      note(res, c.note, 'no-cache');
    }),
  );
  r.get(
    '/checkpoints/consistency',
    route(async (req, res) => {
      const to = req.query['to'] === undefined ? null : positiveInt(req.query['to'], 'to');
      res.json(await checkpoints.consistencyProof(positiveInt(req.query['from'], 'from'), to));
    }),
  );
  r.get(
    '/checkpoints/inclusion',
    route(async (req, res) => {
      const actor = await services.authenticate(req.headers.authorization);
      const learner = req.query['learner'];
      if (typeof learner !== 'string' || !learner)
        throw new InputValidationError('learner is required', { field: 'learner' });
      const n = req.query['checkpoint'];
      res.json(
        await checkpoints.inclusionProof(
          actor,
          learner,
          n === undefined ? null : positiveInt(n, 'checkpoint'),
        ),
      );
    }),
  );
  // A checkpoint never changes once signed: cache it for good.
  r.get(
    '/checkpoints/:number',
    route(async (req, res) => {
      const c = await checkpoints.get(positiveInt(req.params['number'], 'number'));
      note(res, c.note, 'public, max-age=31536000, immutable');
    }),
  );
  return r;
}
