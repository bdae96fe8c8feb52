import { Hono } from 'hono';

/** `GET /healthz` for Docker, systemd and the technician. */
export function healthRoutes(version: string): Hono {
  return new Hono().get('/healthz', (c) => c.json({ status: 'ok', version }));
}
