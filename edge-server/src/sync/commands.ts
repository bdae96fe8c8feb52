import { z } from 'zod';
import type { SyncIntervals } from './identity.js';
import type { UpstreamCommand } from './upstream-client.js';

/** What the commands of §5 may do to the sync; the SyncService provides it. */
export interface CommandContext {
  pushNow(): void;
  /** applies and keeps new intervals; returns the intervals now in force */
  setIntervals(next: Partial<SyncIntervals>): SyncIntervals;
  diagnostics(): Record<string, unknown>;
}

/** A command's answer to the platform. */
export interface CommandResult { ok: boolean; output: Record<string, unknown> }

const seconds = z.number().int().min(10).max(86_400);
const setIntervalsArgs = z.strictObject({ pushSec: seconds.optional(), pullSec: seconds.optional(), heartbeatSec: seconds.optional() });

/** Runs one command; never throws (a failure is an ok:false answer with a sentence). */
export function runCommand(command: UpstreamCommand, ctx: CommandContext): CommandResult {
  try {
    switch (command.type) {
      case 'push_now':
        ctx.pushNow();
        return { ok: true, output: {} };
      case 'set_intervals': {
        const args = setIntervalsArgs.safeParse(command.args ?? {});
        if (!args.success) return { ok: false, output: { error: `set_intervals takes pushSec, pullSec, heartbeatSec as whole seconds 10–86400 (${args.error.issues.map((i) => i.path.join('.') || '(args)').join(', ')})` } };
        return { ok: true, output: { intervals: ctx.setIntervals(args.data) } };
      }
      case 'collect_diagnostics':
        return { ok: true, output: ctx.diagnostics() };
      case 'resync':
        // §4 pull is not in this version: say so rather than pretend
        return { ok: false, output: { error: 'this kiosk version does not pull reference data yet (§4); update the kiosk software' } };
      default:
        return { ok: false, output: { error: `unknown command type '${command.type}'` } };
    }
  } catch (err) {
    return { ok: false, output: { error: (err as Error).message } };
  }
}
