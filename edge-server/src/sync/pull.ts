import { z } from 'zod';
import type { Db } from '../db/connection.js';
import { getSetting, setSetting } from '../db/settings.repo.js';
import {
  appliedVersion, clearPullCursor, deactivateMember, deactivateStaff, forgetAppliedRecord, forgetAppliedStream,
  listAppliedIds, readPullCursor, recordAppliedVersion, upsertMemberRegistry, upsertStaffRegistry, writePullCursor,
} from '../db/sync-pull.repo.js';
import { monitoringSettingsSchema } from '../domain/monitoring/settings.js';
import { applyItemsRecord, itemsData, removeItemsRecord, type ItemsData } from './pull-items.js';
import type { SyncLog } from './retry-loop.js';
import { UpstreamError, type ChangesAnswer, type UpstreamChange } from './upstream-client.js';

/** The streams of §4 this kiosk pulls, in this order (items after staff: nothing of it names a member). */
export const PULL_STREAMS = ['members', 'staff', 'settings', 'items'] as const;
export type PullStream = (typeof PULL_STREAMS)[number];

export const PAGE_LIMIT = 500;
/** a platform that keeps answering `more` or `reset` is misbehaving: stop and retry later */
const MAX_PAGES = 10_000;
const MAX_RESETS = 3;

/** The part of the upstream client the puller needs. */
export interface ChangeSource { changes(stream: string, cursor: string | null, limit: number): Promise<ChangesAnswer> }

/** What one pull of a stream did. */
export interface PullCounts { pages: number; upserted: number; deleted: number; skipped: number; refused: number; resets: number }

const MONITORING_KEY = 'monitoring';

const memberData = z.object({
  name: z.string().min(1).max(100),
  gender: z.enum(['男', '女']).nullable().default(null),
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  disabilityCategory: z.enum(['视力', '听力', '言语', '肢体', '智力', '精神', '多重']).nullable().default(null),
  disabilityGrade: z.number().int().min(1).max(4).nullable().default(null),
  status: z.enum(['active', 'inactive']).default('active'),
  guardianContact: z.string().max(200).nullable().default(null),
});
const staffData = z.object({
  name: z.string().min(1).max(100),
  role: z.string().min(1).max(50),
  status: z.enum(['active', 'inactive']).default('active'),
});
/** a settings record: id = a key of the monitoring settings (openingHours, noShowCutoff, …), data = { value } */
const settingData = z.object({ value: z.unknown() });
const settingKeys = monitoringSettingsSchema.shape;
type SettingKey = keyof typeof settingKeys;

const isSettingKey = (id: string): id is SettingKey => Object.hasOwn(settingKeys, id);

/**
 * Pulls the platform's reference data (§4): pages while `more`, each page applied together with its
 * cursor in ONE transaction, so a crash between pages resumes after the last applied one and applies
 * nothing twice. A page with any malformed record marks nothing and keeps the cursor (the loop retries).
 *
 * Platform data arriving is not a kiosk event: the event log records what happened at this kiosk, and
 * the platform already has what it sends. `member.registered` / `member.profile_updated` stay for
 * changes made here.
 */
export class Puller {
  /** one pull at a time: the pull loop and a resync command never interleave on the same cursor */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly source: ChangeSource,
    private readonly log: SyncLog,
    private readonly now: () => number = Date.now,
    /** after a settings page or reset is committed: the monitoring rules read their settings again */
    private readonly onSettingsChanged: () => void = () => undefined,
  ) {}

  /** Pulls every stream; throws the first UpstreamError (streams before it stay pulled). */
  pullAll(): Promise<Record<PullStream, PullCounts>> {
    return this.exclusive(async () => {
      const out = {} as Record<PullStream, PullCounts>;
      for (const stream of PULL_STREAMS) out[stream] = await this.pullStream(stream);
      return out;
    });
  }

  /** Forgets the stream's cursor and pulls it from the beginning (the `resync` command). */
  resync(stream: PullStream): Promise<PullCounts> {
    return this.exclusive(() => {
      clearPullCursor(this.db, stream);
      return this.pullStream(stream);
    });
  }

  /** Pulls one stream from its stored cursor. */
  pull(stream: PullStream): Promise<PullCounts> {
    return this.exclusive(() => this.pullStream(stream));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async pullStream(stream: PullStream): Promise<PullCounts> {
    const counts: PullCounts = { pages: 0, upserted: 0, deleted: 0, skipped: 0, refused: 0, resets: 0 };
    for (let page = 0; page < MAX_PAGES; page++) {
      const cursor = readPullCursor(this.db, stream);
      const answer = await this.source.changes(stream, cursor, PAGE_LIMIT);
      if ('reset' in answer) {
        if (++counts.resets > MAX_RESETS) throw new UpstreamError('bad_response', `the district platform keeps answering reset for ${stream}; trying again later`, 200);
        this.db.transaction(() => this.reset(stream))();
        if (stream === 'settings') this.onSettingsChanged();
        this.log.info(`sync: the district platform reset ${stream}; pulling it again from the beginning`);
        continue;
      }
      const checked = this.check(stream, answer.changes);
      this.db.transaction(() => {
        for (const change of checked) this.apply(stream, change, counts);
        writePullCursor(this.db, stream, answer.cursor, this.now());
      })();
      if (stream === 'settings' && checked.length > 0) this.onSettingsChanged();
      counts.pages++;
      if (!answer.more) return counts;
    }
    throw new UpstreamError('bad_response', `the district platform served more than ${MAX_PAGES} pages of ${stream}; trying again later`, 200);
  }

  /** Every record of the page, validated; throws (marking nothing) at the first malformed one. */
  private check(stream: PullStream, changes: UpstreamChange[]): Checked[] {
    return changes.map((change, i) => {
      if (change.op === 'delete') return change;
      const schema = stream === 'members' ? memberData : stream === 'staff' ? staffData : stream === 'items' ? itemsData : settingData;
      const parsed = schema.safeParse(change.data);
      if (!parsed.success) {
        throw new UpstreamError('bad_response', `the district platform sent a malformed ${stream} record (change ${i + 1}, ${change.id}: ${parsed.error.issues.map((x) => x.path.join('.') || '(data)').join(', ')}); nothing of the page was applied`, 200);
      }
      return { ...change, data: parsed.data as Record<string, unknown> };
    });
  }

  private apply(stream: PullStream, change: Checked, counts: PullCounts): void {
    if (change.op === 'delete') {
      this.remove(stream, change.id);
      forgetAppliedRecord(this.db, stream, change.id);
      counts.deleted++;
      return;
    }
    const applied = appliedVersion(this.db, stream, change.id);
    if (applied !== null && applied >= change.version) {
      counts.skipped++;
      return;
    }
    if (stream === 'members') upsertMemberRegistry(this.db, { id: change.id, ...(change.data as z.infer<typeof memberData>) }, this.now());
    else if (stream === 'staff') upsertStaffRegistry(this.db, { id: change.id, ...(change.data as z.infer<typeof staffData>) }, this.now());
    else if (stream === 'items' ? !applyItemsRecord(this.db, change.id, change.data as ItemsData, this.log, this.now()) : !this.setSetting(change.id, change.data.value)) {
      counts.refused++;
      return;
    }
    recordAppliedVersion(this.db, stream, change.id, change.version);
    counts.upserted++;
  }

  /**
   * A member or staff member deleted upstream becomes inactive, never removed: attendance, consents,
   * loans and the append-only event log name them by id (some by foreign key), and history must keep
   * meaning what it meant. A deleted setting falls back to the kiosk's default.
   */
  private remove(stream: PullStream, id: string): void {
    if (stream === 'members') deactivateMember(this.db, id);
    else if (stream === 'staff') deactivateStaff(this.db, id);
    else if (stream === 'items') removeItemsRecord(this.db, id, this.log, this.now());
    else if (isSettingKey(id)) this.writeMonitoring((current) => { delete current[id]; });
  }

  /** `reset`: the platform's rows become inactive until served again, its settings go back to the defaults. */
  private reset(stream: PullStream): void {
    for (const id of listAppliedIds(this.db, stream)) this.remove(stream, id);
    forgetAppliedStream(this.db, stream);
    clearPullCursor(this.db, stream);
  }

  /** One monitoring setting, validated alone: a bad value is refused (logged) and the others apply. */
  private setSetting(key: string, value: unknown): boolean {
    if (!isSettingKey(key)) {
      this.log.warn(`sync: the district platform sent an unknown setting '${key}'; ignored`);
      return false;
    }
    const parsed = settingKeys[key].safeParse(value);
    if (!parsed.success) {
      this.log.warn(`sync: refused the district platform's setting '${key}' (${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}); keeping the current one`);
      return false;
    }
    this.writeMonitoring((current) => { current[key] = parsed.data; });
    return true;
  }

  private writeMonitoring(change: (current: Record<string, unknown>) => void): void {
    const current = { ...(getSetting<Record<string, unknown>>(this.db, MONITORING_KEY) ?? {}) };
    change(current);
    setSetting(this.db, MONITORING_KEY, current);
  }
}

type Checked = Extract<UpstreamChange, { op: 'delete' }> | (Extract<UpstreamChange, { op: 'upsert' }> & { data: Record<string, unknown> });
