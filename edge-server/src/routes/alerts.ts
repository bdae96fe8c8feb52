import { Hono } from 'hono';
import { z } from 'zod';
import type { AlertInfo, AlertSummary, MonitorState } from '../api-types.js';
import type { AppDeps } from '../app.js';
import type { StaffEnv } from './staff.js';
import { readJson } from './validate.js';

const ackBody = z.object({ note: z.string().trim().max(500).optional() });
const resolveBody = z.object({ note: z.string().trim().min(1, 'say what was done').max(500) });
const leaveBody = z.object({
  memberId: z.string().min(1).max(64),
  from: z.string().min(10).max(10),
  to: z.string().min(10).max(10),
  reason: z.string().trim().min(1).max(200),
});

/** `GET /api/alerts/active`: what every screen may show (the kiosk's emergency banner). */
export function publicAlertRoutes(deps: AppDeps): Hono {
  return new Hono().get('/alerts/active', (c) => c.json<{ alerts: AlertSummary[] }>({ alerts: deps.services.alerts.active() }));
}

/** Staff: the alert console, acknowledging and resolving, the live monitor, leave slips. */
export function staffAlertRoutes(deps: AppDeps): Hono<StaffEnv> {
  const { alerts, monitoring, leave } = deps.services;
  return new Hono<StaffEnv>()
    .get('/alerts', (c) => c.json<{ open: AlertInfo[]; history: AlertInfo[] }>(alerts.console()))
    .post('/alerts/:id/acknowledge', async (c) => {
      const { note } = await readJson(c, ackBody);
      return c.json<AlertInfo>(alerts.acknowledge(c.var.staff.id, c.req.param('id'), note || null));
    })
    .post('/alerts/:id/resolve', async (c) => {
      const { note } = await readJson(c, resolveBody);
      return c.json<AlertInfo>(alerts.resolve(c.var.staff.id, c.req.param('id'), note));
    })
    .get('/monitor', (c) => c.json<MonitorState>(monitoring.state()))
    .post('/leave', async (c) => {
      const body = await readJson(c, leaveBody);
      return c.json(leave.record(c.var.staff.id, body), 201);
    });
}
