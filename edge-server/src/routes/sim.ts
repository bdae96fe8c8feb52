import { Hono } from 'hono';
import { z } from 'zod';
import type { SimulatedFingerprint } from '../../../hardware/fingerprint/index.js';
import { LINE_NAMES, type LineName, type SimulatedGpio } from '../../../hardware/gpio/index.js';
import type { AppDeps } from '../app.js';
import { listEnrolments } from '../db/enrolments.repo.js';
import { DomainError } from '../domain/errors.js';
import { enrolledPersonName } from '../domain/member-card.js';
import { readJson } from './validate.js';

/**
 * A finger on the simulated sensor: `slot` names the finger by the template it would match (null: a
 * finger the sensor does not know); `quality` simulates a wet, dry or moving finger during enrolment.
 */
const touchBody = z.object({
  slot: z.number().int().min(0).max(65535).nullable(),
  quality: z.enum(['good', 'messy', 'few_features', 'capture_fails']).optional(),
});
const levelBody = z.object({ value: z.union([z.literal(0), z.literal(1)]) });
const plugBody = z.object({ connected: z.boolean() });

export interface SimHardware {
  fingerprint: SimulatedFingerprint;
  gpio: SimulatedGpio;
}

/** Control of the simulated hardware (demo and tests). Mounted only when all hardware is simulated. */
export function simRoutes(deps: AppDeps, sim: SimHardware): Hono {
  return new Hono()
    .get('/', (c) => {
      const enrolled = listEnrolments(deps.db, sim.fingerprint.sensorId).map((e) => (
        { slot: e.slot, personId: e.personId, kind: e.personKind, name: enrolledPersonName(deps.db, e) }
      ));
      const lines = sim.gpio.lines();
      const gpio = Object.fromEntries(LINE_NAMES.map((name) => [name, {
        direction: lines[name].direction, value: sim.gpio.read(name), activeLow: lines[name].activeLow ?? false,
      }]));
      return c.json({ fingerprint: { sensorId: sim.fingerprint.sensorId, enrolled, enrolling: sim.fingerprint.isEnrolling() }, gpio });
    })
    .post('/fingerprint/touch', async (c) => {
      const { slot, quality } = await readJson(c, touchBody);
      if (sim.fingerprint.health() !== 'ok') {
        throw new DomainError('unavailable', 'reader_not_running', 'The simulated fingerprint reader is stopped or unplugged; plug it in and try again');
      }
      const enrolmentPress = sim.fingerprint.isEnrolling();
      sim.fingerprint.touch(slot, quality);
      return c.json({ accepted: true, enrolmentPress }, 202);
    })
    .post('/fingerprint/connection', async (c) => {
      const { connected } = await readJson(c, plugBody);
      sim.fingerprint.setPlugged(connected);
      return c.json({ accepted: true, health: sim.fingerprint.health() }, 202);
    })
    .post('/gpio/:line', async (c) => {
      const line = c.req.param('line');
      if (!(LINE_NAMES as readonly string[]).includes(line)) {
        throw new DomainError('not_found', 'unknown_line', `No GPIO line '${line}'; lines are ${LINE_NAMES.join(', ')}`);
      }
      const { value } = await readJson(c, levelBody);
      if (sim.gpio.lines()[line as LineName].direction !== 'in') {
        throw new DomainError('conflict', 'not_an_input', `GPIO line '${line}' is an output; only inputs can be driven from outside`);
      }
      sim.gpio.setInput(line as LineName, value);
      return c.json({ accepted: true }, 202);
    });
}
