import { Hono } from 'hono';
import { z } from 'zod';
import type { KioskInfo } from '../api-types.js';
import { formatWithOffset } from '../clock.js';
import type { AppDeps } from '../app.js';
import { readJson } from './validate.js';

const cardBody = z.object({ cardNumber: z.string().trim().min(1).max(64).regex(/^[0-9A-Za-z-]+$/, 'letters, digits and - only') });
const checkoutBody = z.object({ confirmToken: z.string().min(8).max(128) });
const helpBody = z.object({ memberId: z.string().min(1).max(64).nullable() });

/** What the member-facing kiosk screen calls; no sign-in, every answer is about the person at the screen. */
export function kioskRoutes(deps: AppDeps): Hono {
  const { services, config } = deps;
  return new Hono()
    .get('/kiosk', (c) => {
      const info: KioskInfo = {
        version: config.version,
        centre: { name: config.centre.name, timezone: config.centre.timezone },
        language: config.language,
        simulated: config.simulated,
        hardware: services.hardwareHealth(),
        serverTime: formatWithOffset(deps.clock.now(), config.centre.timezone),
        timeouts: { idleSec: config.kiosk.idleSec },
      };
      return c.json(info);
    })
    .post('/identify/card', async (c) => {
      const { cardNumber } = await readJson(c, cardBody);
      return c.json(services.identification.card(cardNumber));
    })
    .post('/attendance/checkout', async (c) => {
      const { confirmToken } = await readJson(c, checkoutBody);
      return c.json(services.attendance.confirmCheckout(confirmToken));
    })
    .post('/help', async (c) => {
      const { memberId } = await readJson(c, helpBody);
      return c.json(services.alerts.requestHelp(memberId), 201);
    });
}
