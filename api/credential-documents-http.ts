// A credential as a printable PDF (for its learner or issuer), and the public check behind the PDF's QR code.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { DomainError } from '../domain/shared/index.ts';
import { credentialIdFromPath } from '../domain/issuance/index.ts';
import { HTTP_STATUS_FOR } from './http-status.ts';
import { readPrintedCredential } from './pdf/credential-view.ts';
import { renderCredentialPdf } from './pdf/render.ts';
import type { Services } from './services.ts';
import { verifiableCredentialOf, verificationBody } from './vc-api.ts';
import { appPage } from './web/app.ts';

/** A file name a person recognises: the kind of document and the credential's id. */
function fileName(kind: string, id: string): string {
  const short = id
    .replace(/^urn:uuid:/, '')
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 60);
  return `${kind}-${short}.pdf`;
}

export function credentialDocumentsRouter(services: Services): Router {
  const r = Router();
  const page = appPage();
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

  r.get(
    '/credentials/:id.pdf',
    route(async (req, res) => {
      const actor = await services.authenticate(req.headers.authorization);
      const p = await services.printable.forPrinting(
        actor,
        credentialIdFromPath(String(req.params['id'])),
      );
      const view = readPrintedCredential(p.record.serialized);
      const pdf = await renderCredentialPdf({
        view,
        serialized: p.record.serialized,
        format: p.record.format,
        verificationUrl: p.verificationUrl,
        verifyPageUrl: `${services.config.publicUrl}/verify`,
        revoked: p.record.revoked,
        suspended: p.record.suspended,
        history: p.history,
      });
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${fileName(view.kind === 'transcript' ? 'transcript' : 'credential', p.record.id)}"`,
      );
      res.type('application/pdf').send(pdf);
    }),
  );

  // The printed QR code's address: a browser gets the app's page, which asks here again for JSON.
  r.get(
    '/verify/credentials/:id',
    route(async (req, res) => {
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader('X-Robots-Tag', 'noindex');
      if (page && req.accepts(['application/json', 'text/html']) === 'text/html') {
        page(res, 'no-store');
        return;
      }
      res.setHeader('Cache-Control', 'no-store');
      const { record, verification, history } = await services.printable.openPrinted(
        credentialIdFromPath(String(req.params['id'])),
        req.query['d'],
      );
      res.json({
        verifiableCredential: verifiableCredentialOf(record),
        format: record.format,
        issuedAt: record.issuedAt,
        revoked: record.revoked,
        suspended: record.suspended,
        history,
        verification: verificationBody(verification),
      });
    }),
  );
  return r;
}
