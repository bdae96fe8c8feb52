import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppConfig } from './config.js';
import type { Clock } from './clock.js';
import type { Db } from './db/connection.js';
import { DomainError, type ErrorKind } from './domain/errors.js';
import type { EventBus } from './events/bus.js';
import { eventStreamRoutes } from './routes/event-stream.js';
import { publicAlertRoutes } from './routes/alerts.js';
import { healthRoutes } from './routes/health.js';
import { LENDING_IMPORT_PATH } from './routes/lending-import.js';
import { kioskRoutes } from './routes/kiosk.js';
import { memberSessionRoutes } from './routes/sessions.js';
import { simRoutes, type SimHardware } from './routes/sim.js';
import { staffRoutes } from './routes/staff.js';
import { memberSurveyRoutes } from './routes/surveys.js';
import { volunteerKioskRoutes } from './routes/volunteers.js';
import type { KioskServices } from './services.js';
import type { SyncService } from './sync/sync-service.js';

export const MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  config: AppConfig;
  db: Db;
  bus: EventBus;
  clock: Clock;
  services: KioskServices;
  /** present only when all hardware is simulated: mounts /api/sim */
  sim?: SimHardware;
  /** present only when this kiosk has an upstream identity */
  sync?: SyncService;
}

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, gone: 410, unsupported_media_type: 415,
  locked: 423, unavailable: 503,
};

function errorBody(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message }, ...extra };
}

/** Builds the whole HTTP app; `main.ts` serves it and tests call `app.request()` on it. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.use(secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      fontSrc: ["'self'"],
      mediaSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    crossOriginEmbedderPolicy: false,
    // The appliance serves plain HTTP on localhost; HSTS would only mislead.
    strictTransportSecurity: false,
  }));

  const apiBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody('payload_too_large', `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB`), 413),
  });
  // The inventory CSV import is the one body allowed past 64 KiB: its route applies its own 2 MiB limit.
  app.use('/api/*', (c, next) => (c.req.path === LENDING_IMPORT_PATH ? next() : apiBodyLimit(c, next)));

  app.route('/', healthRoutes(deps.config.version));
  app.route('/api', kioskRoutes(deps));
  app.route('/api', eventStreamRoutes(deps));
  app.route('/api', publicAlertRoutes(deps));
  app.route('/api', volunteerKioskRoutes(deps));
  app.route('/api/member', memberSurveyRoutes(deps));
  app.route('/api/staff', staffRoutes(deps));
  app.route('/api/member', memberSessionRoutes(deps));
  if (deps.sim) app.route('/api/sim', simRoutes(deps, deps.sim));

  app.all('/api/*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404));

  // The built UI: hashed assets may be cached for ever; index.html and the service worker never.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    await next();
    if (c.res.ok && !c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'no-cache');
  });
  app.use('*', serveStatic({ root: deps.config.uiDir }));

  app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.path}`), 404));

  app.onError((err, c) => {
    if (err instanceof DomainError) return c.json(errorBody(err.code, err.message, err.extra), STATUS[err.kind]);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      return c.json(errorBody(status === 413 ? 'payload_too_large' : 'http_error', err.message || 'Request failed'), status);
    }
    console.error(`unhandled error on ${c.req.method} ${c.req.path}:`, err);
    return c.json(errorBody('internal_error', 'Something went wrong on the kiosk; the request was not completed'), 500);
  });

  return app;
}
