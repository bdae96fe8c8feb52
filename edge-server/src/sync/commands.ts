import { z } from 'zod';
import type { SyncIntervals } from './identity.js';
import { PULL_STREAMS, type PullStream } from './pull.js';
import type { UpstreamCommand } from './upstream-client.js';

/** What the commands of §5 may do to the sync; the SyncService provides it. */
export interface CommandContext {
  pushNow(): void;
  /** applies and keeps new intervals; returns the intervals now in force */
  setIntervals(next: Partial<SyncIntervals>): SyncIntervals;
  diagnostics(): Record<string, unknown>;
  /** forgets a §4 stream's cursor and pulls it from the beginning; what the pull did */
  resync(stream: PullStream): Promise<Record<string, unknown>>;
}

/** A command's answer to the platform. */
export interface CommandResult { ok: boolean; output: Record<string, unknown> }

const seconds = z.number().int().min(10).max(86_400);
const setIntervalsArgs = z.strictObject({ pushSec: seconds.optional(), pullSec: seconds.optional(), heartbeatSec: seconds.optional() });
const resyncArgs = z.strictObject({ stream: z.enum(PULL_STREAMS) });

/** Runs one command; never throws (a failure is an ok:false answer with a sentence). */
export async function runCommand(command: UpstreamCommand, ctx: CommandContext): Promise<CommandResult> {
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
      case 'resync': {
        const args = resyncArgs.safeParse(command.args ?? {});
        if (!args.success) return { ok: false, output: { error: `resync takes a stream: ${PULL_STREAMS.join(', ')}` } };
        return { ok: true, output: await ctx.resync(args.data.stream) };
      }
      default:
        return { ok: false, output: { error: `unknown command type '${command.type}'` } };
    }
  } catch (err) {
    return { ok: false, output: { error: (err as Error).message } };
  }
}
