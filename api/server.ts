// Builds the HTTP app (express + graphql-yoga) apart from listening on a port (main.ts does that).
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { pinoHttp } from 'pino-http';
import { DomainError } from '../ledger/errors.ts';
import { ping } from '../storage/connection.ts';
import type { GraphQLContext } from './context.ts';
import { buildSchema } from './graphql/schema.ts';
import { vcApiRouter } from './vc-api.ts';
import { appPage, webAppRouter } from './web/app.ts';
import type { Logger } from './logger.ts';
import type { Services } from './services.ts';

export interface App {
  app: Express;
  yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>;
}

// graphql may be loaded twice (ESM and CJS copies, e.g. under vitest): recognise it by name too.
const isGraphQLError = (e: unknown): e is GraphQLError =>
  e instanceof GraphQLError || (e instanceof Error && e.name === 'GraphQLError');

/** A request the client got wrong (syntax, validation, variables, limits): a 400 that says why. */
function clientError(e: GraphQLError): GraphQLError {
  const ext = e.extensions as { code?: string; http?: { status?: number } };
  const code =
    ext.code ??
    (e.message.startsWith('Variable "$') ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED');
  return new GraphQLError(e.message, {
    nodes: e.nodes ?? null,
    extensions: { ...e.extensions, code, http: { ...ext.http, status: ext.http?.status ?? 400 } },
  });
}

/** An error the client caused keeps its message and code; anything else is masked and logged with its stack. */
function maskError(log: Logger) {
  return (error: unknown, message: string): Error => {
    if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) {
      return clientError(error);
    }
    const original = isGraphQLError(error) && error.originalError ? error.originalError : error;
    if (original instanceof DomainError) {
      return new GraphQLError(original.message, {
        extensions: {
          code: original.code,
          ...(original.code === 'UNAUTHENTICATED' ? { http: { status: 401 } } : {}),
        },
      });
    }
    const errorId = randomUUID();
    log.error({ err: original, errorId }, 'unexpected error in a GraphQL operation');
    return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } });
  };
}

export function buildApp(services: Services, log: Logger): App {
  const { config } = services;
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema() as never,
    graphqlEndpoint: '/graphql',
    graphiql: config.env !== 'production' ? { title: 'creditbank GraphQL' } : false,
    // GraphiQL from npm, inlined into the page: nothing is loaded from a CDN.
    renderGraphiQL,
    landingPage: false,
    logging: {
      debug: (...a: unknown[]) => log.debug(a),
      info: (...a: unknown[]) => log.info(a),
      warn: (...a: unknown[]) => log.warn(a),
      error: (...a: unknown[]) => log.error(a),
    },
    maskedErrors: { maskError: maskError(log) },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: config.graphql.maxDepth },
        costLimit: { maxCost: config.graphql.maxCost },
        maxAliases: { n: 30 },
        maxTokens: { n: 5000 },
        maxDirectives: { n: 50 },
        blockFieldSuggestion: { enabled: config.env === 'production' },
      }),
    ],
    context: async ({ request }): Promise<GraphQLContext> => ({
      actor: await services.authenticate(request.headers.get('authorization')),
      services,
      log,
      client: { userAgent: request.headers.get('user-agent') },
    }),
  });

  const app = express();
  app.disable('x-powered-by');
  // JSON answers are not cached by validators; the status lists set their own ETag.
  app.set('etag', false);
  app.use((req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    (req as { id?: string }).id = id;
    next();
  });
  // With logging off (LOG_LEVEL=silent) a request costs nothing to log.
  if (log.isLevelEnabled('fatal')) {
    app.use(
      pinoHttp({
        logger: log,
        genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
        autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      }),
    );
  }
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = await ping(services.db);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'database unreachable' });
  });
  // The employer's pages are the web app's (/verify, and a shared link opened in a browser); any
  // other client of a shared link gets its JSON from the VC API router below.
  const page = appPage();
  if (page) {
    app.get('/verify', (_req, res) => page(res));
    app.get('/shared/:token', (req, res, next) => {
      if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
      // A link's token is its secret: it must not leak to another site as a referrer.
      res.setHeader('Referrer-Policy', 'no-referrer');
      page(res, 'no-store');
    });
  }
  app.use(
    express.json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] }),
  );
  app.use(yoga.graphqlEndpoint, yoga as never);
  app.use(vcApiRouter(services));
  app.use(webAppRouter());

  app.use((_req, res) => {
    res.status(404).json({ type: 'about:blank', title: 'Not Found', status: 404 });
  });
  const onError: ErrorRequestHandler = (
    err: { status?: number; type?: string; message?: string },
    req,
    res,
    _next,
  ) => {
    const status =
      typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) (req.log ?? log).error({ err, reqId: req.id }, 'unhandled error');
    res.status(status).json({
      type: 'about:blank',
      title:
        status === 413
          ? 'Payload Too Large'
          : status === 500
            ? 'Internal Server Error'
            : 'Bad Request',
      status,
      detail:
        status === 500
          ? 'Something went wrong on our side; it has been logged.'
          : (err.message ?? 'Bad request'),
    });
  };
  app.use(onError);
  return { app, yoga };
}
