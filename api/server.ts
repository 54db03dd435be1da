// Builds the HTTP app (express + graphql-yoga) apart from listening on a port (main.ts does that).
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { pinoHttp } from 'pino-http';
import { DomainError } from '../domain/shared/index.ts';
import { ping } from '../storage/connection.ts';
import type { GraphQLContext } from './context.ts';
import { buildSchema } from './graphql/schema.ts';
import { vcApiRouter } from './vc-api.ts';
import { credentialDocumentsRouter } from './credential-documents-http.ts';
import { appPage, webAppRouter } from './web/app.ts';
import { MAX_JSON_DEPTH, graphqlNesting, jsonDepth, limitJsonDepth } from './json-limits.ts';

/** Far beyond the depth limit (a query's brackets nest about twice as deep as its fields). */
const MAX_QUERY_NESTING = 200;
import { checkpointRouter } from './checkpoints-http.ts';
import { importRouter } from './import-http.ts';
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
  const ext = e.extensions as { code?: string; http?: { status?: number; spec?: boolean } };
  const code =
    ext.code ??
    (e.message.startsWith('Variable "$') ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED');
  // Without `spec`, yoga keeps the 4xx for `application/json` clients too: a request that could not
  // run is never a 200 (the GraphQL-over-HTTP spec allows 4xx there, and requires it for
  // `application/graphql-response+json`).
  const { spec: _spec, ...http } = ext.http ?? {};
  return new GraphQLError(e.message, {
    nodes: e.nodes ?? null,
    extensions: { ...e.extensions, code, http: { ...http, status: ext.http?.status ?? 400 } },
  });
}

/** Whether an error yoga is about to log is the client's doing (logged at info) or ours (error). */
function isClientFault(e: unknown): boolean {
  const original = isGraphQLError(e) ? e.originalError : e;
  return (
    !original ||
    isGraphQLError(original) ||
    original instanceof DomainError ||
    original instanceof SyntaxError
  );
}

/**
 * Keeps a request that cannot run a 400 for every client: variables nested deeper than the body
 * limit allows (a GET request carries them in its URL), and validation errors, which graphql-yoga
 * answers with 200 for `application/json` clients.
 */
const requestErrorsAre4xx: Plugin = {
  onParams({ params }) {
    if (typeof params.query === 'string' && graphqlNesting(params.query) > MAX_QUERY_NESTING) {
      throw new GraphQLError(`The query is nested deeper than ${MAX_QUERY_NESTING} levels`, {
        extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } },
      });
    }
    if (
      jsonDepth(params.variables, MAX_JSON_DEPTH) > MAX_JSON_DEPTH ||
      jsonDepth(params.extensions, MAX_JSON_DEPTH) > MAX_JSON_DEPTH
    ) {
      throw new GraphQLError(`Variables are nested deeper than ${MAX_JSON_DEPTH} levels`, {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      });
    }
  },
  onValidate() {
    return ({ valid, result }) => {
      if (valid) return;
      // In place, as yoga's own validation hook does (it then leaves an explicit `spec: false` be).
      for (const e of result) {
        if (!isGraphQLError(e)) continue;
        const ext = e.extensions as { http?: { status?: number; spec?: boolean } };
        ext.http = { ...ext.http, status: 400, spec: false };
      }
    };
  },
};

/** An error the client caused keeps its message and code; anything else is masked and logged with its stack. */
function maskError(log: Logger) {
  return (error: unknown, message: string): Error => {
    if (isGraphQLError(error) && (!error.originalError || isGraphQLError(error.originalError))) {
      return clientError(error);
    }
    const original = isGraphQLError(error) && error.originalError ? error.originalError : error;
    // JSON the client sent that does not parse (the variables of a GET request, for one).
    if (original instanceof SyntaxError) {
      return new GraphQLError(`The request is not valid JSON: ${original.message}`, {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      });
    }
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
      // yoga logs every error it hands to maskError; a client's mistake is no incident of ours.
      error: (...a: unknown[]) => {
        if (a.length > 0 && a.every(isClientFault)) {
          log.info({ errors: a.map((e) => (e as Error).message) }, 'GraphQL request refused');
        } else log.error(a);
      },
    },
    maskedErrors: { maskError: maskError(log) },
    plugins: [
      requestErrorsAre4xx,
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
        // A client's mistake (4xx) is worth a warning at most; only our own failures are errors.
        customLogLevel: (_req, res, err) =>
          err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
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
  // Before the JSON parser: an upload's body is streamed into the import job, never parsed here.
  app.use(importRouter(services));
  app.use(
    express.json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] }),
  );
  app.use(limitJsonDepth());
  app.use(yoga.graphqlEndpoint, yoga as never);
  // Before the VC API's GET /credentials/:id, which would take "<id>.pdf" for an id.
  app.use(credentialDocumentsRouter(services));
  app.use(vcApiRouter(services));
  app.use(webAppRouter());
  app.use(checkpointRouter(services));

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
