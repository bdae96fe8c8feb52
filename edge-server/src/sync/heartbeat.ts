import type { Db } from '../db/connection.js';
import { claimCommand, failInterruptedCommands, finishCommand, listUnreportedCommands, markCommandReported } from '../db/sync-commands.repo.js';
import { runCommand, type CommandContext } from './commands.js';
import type { UpstreamClient } from './upstream-client.js';

export interface HeartbeatDeps {
  db: Db;
  client: Pick<UpstreamClient, 'heartbeat' | 'commandResult'>;
  /** the §5 heartbeat body as of now */
  body: () => Record<string, unknown>;
  commands: CommandContext;
  now: () => number;
}

/**
 * §5: one heartbeat, then the commands it brought. A command is claimed by id in the database
 * before it runs, so a platform that serves it again (or a restart) never runs it twice; its result
 * stays in the database until the platform has acknowledged it.
 */
export class Heartbeat {
  constructor(private readonly deps: HeartbeatDeps) {
    failInterruptedCommands(deps.db);
  }

  /** Sends a heartbeat, runs new commands, reports every result not yet reported. Throws an UpstreamError on failure. */
  async beat(): Promise<{ received: number; ran: number; reported: number }> {
    const { db, client, now } = this.deps;
    const answer = await client.heartbeat(this.deps.body());
    let ran = 0;
    for (const command of answer.commands) {
      if (!claimCommand(db, command.id, command.type, now())) continue;
      const result = await runCommand(command, this.deps.commands);
      finishCommand(db, command.id, result.ok, result.output);
      ran++;
    }
    let reported = 0;
    for (const result of listUnreportedCommands(db)) {
      await client.commandResult(result.id, { ok: result.ok, output: result.output });
      markCommandReported(db, result.id, now());
      reported++;
    }
    return { received: answer.commands.length, ran, reported };
  }
}
