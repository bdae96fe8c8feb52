import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findMemberById, insertMember } from '../../../edge-server/src/db/members.repo.js';
import { getSetting } from '../../../edge-server/src/db/settings.repo.js';
import { findStaffById, getStaffPinHash, insertStaff } from '../../../edge-server/src/db/staff.repo.js';
import { findCatalogueEntry } from '../../../edge-server/src/db/lending-catalogue.repo.js';
import { appendItemState, currentItemState, itemStateChain } from '../../../edge-server/src/db/lending-item-states.repo.js';
import { findItemView } from '../../../edge-server/src/db/lending-items.repo.js';
import { readPullCursor } from '../../../edge-server/src/db/sync-pull.repo.js';
import { DEFAULT_PROFILE } from '../../../edge-server/src/api-types.js';
import { loadMonitoringSettings } from '../../../edge-server/src/domain/monitoring/settings.js';
import { Puller, type ChangeSource } from '../../../edge-server/src/sync/pull.js';
import { RequestSigner } from '../../../edge-server/src/sync/signer.js';
import { SyncService, type Sleep } from '../../../edge-server/src/sync/sync-service.js';
import { UpstreamClient, UpstreamError } from '../../../edge-server/src/sync/upstream-client.js';
import { until } from '../../support/gpio/until.js';
import { createSyncFixture, type SyncFixture } from '../../support/upstream/sync-fixture.js';

let f: SyncFixture;
let service: SyncService | undefined;
const logged: string[] = [];
beforeEach(async () => {
  f = await createSyncFixture();
  logged.length = 0;
});
afterEach(async () => {
  await service?.stop();
  service = undefined;
  await f.close();
});

const log = { info: (l: string) => logged.push(l), warn: (l: string) => logged.push(l) };

function client(): UpstreamClient {
  return new UpstreamClient({ baseUrl: f.upstream.baseUrl, signer: new RequestSigner(f.identity.deviceId, f.identity.deviceSecret), timeoutMs: 2000 });
}

function puller(source: ChangeSource = client()): Puller {
  return new Puller(f.db, source, log);
}

const member = (name: string, more: Record<string, unknown> = {}) => ({
  name, gender: '女', birthYear: 1962, disabilityCategory: '视力', disabilityGrade: 2, status: 'active', guardianContact: null, ...more,
});

function changeRequests(stream: string): number {
  return f.upstream.requests.filter((r) => r.path.startsWith(`/v1/changes?stream=${stream}`)).length;
}

describe('pull: members, staff, settings', () => {
  it('tells the monitoring rules when a settings page was applied, and not for other streams', async () => {
    let told = 0;
    const p = new Puller(f.db, client(), log, Date.now, () => told++);
    f.upstream.upsert('members', 'mem_1', member('成员1'));
    await p.pull('members');
    expect(told).toBe(0);
    f.upstream.upsert('settings', 'doorAjarMinutes', { value: 7 });
    await p.pull('settings');
    expect(told).toBe(1);
    expect(loadMonitoringSettings(f.db).doorAjarMinutes).toBe(7);
  });

  it('pulls each stream the first time, page by page while more, and stores its cursor', async () => {
    for (let i = 0; i < 1203; i++) f.upstream.upsert('members', `mem_${i}`, member(`成员${i}`));
    f.upstream.upsert('staff', 'stf_1', { name: '王老师', role: 'coordinator' });
    f.upstream.upsert('settings', 'noShowCutoff', { value: '09:30' });
    const counts = await puller().pullAll();
    expect(counts.members).toMatchObject({ pages: 3, upserted: 1203 });
    expect(counts.staff).toMatchObject({ pages: 1, upserted: 1 });
    expect(findMemberById(f.db, 'mem_7')).toMatchObject({ name: '成员7', disabilityCategory: '视力', disabilityGrade: 2, status: 'active', profile: DEFAULT_PROFILE });
    expect(findStaffById(f.db, 'stf_1')).toMatchObject({ name: '王老师', role: 'coordinator', status: 'active' });
    expect(loadMonitoringSettings(f.db).noShowCutoff).toBe('09:30');
    expect(readPullCursor(f.db, 'members')).toBe('c1203');
    // nothing new: one request per stream, nothing applied
    const again = await puller().pullAll();
    expect(again.members).toMatchObject({ pages: 1, upserted: 0 });
  });

  it('resumes after a crash between pages from the last stored cursor, applying nothing twice', async () => {
    for (let i = 0; i < 700; i++) f.upstream.upsert('members', `mem_${i}`, member(`成员${i}`));
    const real = client();
    let pages = 0;
    // the "crash": the second page request never comes back
    const crashing: ChangeSource = { changes: (s, c, l) => (++pages === 2 ? Promise.reject(new Error('killed')) : real.changes(s, c, l)) };
    await expect(puller(crashing).pull('members')).rejects.toThrow('killed');
    expect(readPullCursor(f.db, 'members')).toBe('c500');
    const asked: (string | null)[] = [];
    const counts = await puller({ changes: (s, c, l) => { asked.push(c); return real.changes(s, c, l); } }).pull('members');
    expect(asked).toEqual(['c500']);
    expect(counts).toMatchObject({ pages: 1, upserted: 200, skipped: 0 });
  });

  it('updates registry fields and never touches kiosk-owned ones; skips a version already applied', async () => {
    insertMember(f.db, {
      id: 'mem_k', name: '李秀英', gender: '女', birthYear: 1962, disabilityCategory: '视力', disabilityGrade: 2, status: 'active',
      guardianContact: null, cardNumber: 'CARD-9', photoPath: 'photos/mem_k.jpg', profile: { ...DEFAULT_PROFILE, largeText: true },
    }, Date.now());
    insertStaff(f.db, { id: 'stf_k', name: '旧名', role: 'aide', status: 'active', cardNumber: 'S-1', pinHash: 'salt:hash' }, Date.now());
    f.upstream.upsert('members', 'mem_k', member('李秀英', { disabilityGrade: 1, guardianContact: '李明 13900000000' }));
    f.upstream.upsert('staff', 'stf_k', { name: '新名', role: 'coordinator' });
    await puller().pullAll();
    expect(findMemberById(f.db, 'mem_k')).toMatchObject({
      disabilityGrade: 1, guardianContact: '李明 13900000000', cardNumber: 'CARD-9', photoPath: 'photos/mem_k.jpg', profile: { largeText: true },
    });
    expect(findStaffById(f.db, 'stf_k')).toMatchObject({ name: '新名', role: 'coordinator', cardNumber: 'S-1' });
    expect(getStaffPinHash(f.db, 'stf_k')).toBe('salt:hash');
    // the same id+version served again (a resync) is skipped
    const counts = await puller().resync('members');
    expect(counts).toMatchObject({ upserted: 0, skipped: 1 });
  });

  it('applies deletes as deactivation (members and staff stay for the history naming them) and a deleted setting falls back to its default', async () => {
    f.upstream.upsert('members', 'mem_1', member('张伟'));
    f.upstream.upsert('staff', 'stf_1', { name: '王老师', role: 'coordinator' });
    f.upstream.upsert('settings', 'doorAjarMinutes', { value: 9 });
    await puller().pullAll();
    f.upstream.remove('members', 'mem_1');
    f.upstream.remove('staff', 'stf_1');
    f.upstream.remove('settings', 'doorAjarMinutes');
    const counts = await puller().pullAll();
    expect(counts.members.deleted).toBe(1);
    expect(findMemberById(f.db, 'mem_1')?.status).toBe('inactive');
    expect(findStaffById(f.db, 'stf_1')?.status).toBe('inactive');
    expect(loadMonitoringSettings(f.db).doorAjarMinutes).toBe(5);
  });

  it('on reset drops the platform copy (deactivates what is not served again) and pulls from no cursor; kiosk-registered members stay', async () => {
    insertMember(f.db, {
      id: 'mem_local', name: '本地', gender: null, birthYear: null, disabilityCategory: null, disabilityGrade: null, status: 'active',
      guardianContact: null, cardNumber: null, photoPath: null, profile: DEFAULT_PROFILE,
    }, Date.now());
    f.upstream.upsert('members', 'mem_1', member('张伟'));
    f.upstream.upsert('members', 'mem_2', member('刘小明'));
    await puller().pull('members');
    // the platform starts over with only mem_2
    f.upstream.streams.set('members', [{ op: 'upsert', id: 'mem_2', version: 1, data: member('刘小明') }]);
    f.upstream.faults.resetStreams = ['members'];
    const asked: (string | null)[] = [];
    const real = client();
    const counts = await puller({ changes: (s, c, l) => { asked.push(c); return real.changes(s, c, l); } }).pull('members');
    expect(asked).toEqual(['c2', null]);
    expect(counts).toMatchObject({ resets: 1, upserted: 1 });
    expect(findMemberById(f.db, 'mem_1')?.status).toBe('inactive');
    expect(findMemberById(f.db, 'mem_2')?.status).toBe('active');
    expect(findMemberById(f.db, 'mem_local')?.status).toBe('active');
    expect(readPullCursor(f.db, 'members')).toBe('c1');
  });

  it('refuses a bad setting value with a logged reason and applies the rest', async () => {
    f.upstream.upsert('settings', 'noShowCutoff', { value: '25:99' });
    f.upstream.upsert('settings', 'openingHours', { value: { open: '07:30', close: '16:00', days: [1, 2, 3, 4, 5, 6] } });
    f.upstream.upsert('settings', 'regularVisitsOfFour', { value: 2 });
    const counts = await puller().pull('settings');
    expect(counts).toMatchObject({ upserted: 2, refused: 1 });
    expect(getSetting(f.db, 'monitoring')).toEqual({ openingHours: { open: '07:30', close: '16:00', days: [1, 2, 3, 4, 5, 6] }, regularVisitsOfFour: 2 });
    expect(logged.some((l) => /refused the district platform's setting 'noShowCutoff'/.test(l))).toBe(true);
  });

  for (const kind of ['malformed_json', 'wrong_shape', 'bad_record'] as const) {
    it(`a page that is ${kind.replace('_', ' ')} changes nothing and keeps the cursor`, async () => {
      f.upstream.upsert('members', 'mem_1', member('张伟'));
      f.upstream.faults.badPage = { count: 1, kind };
      const error = await puller().pull('members').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).code).toBe('bad_response');
      expect(findMemberById(f.db, 'mem_1')).toBeUndefined();
      expect(readPullCursor(f.db, 'members')).toBeNull();
      // the next pull gets the real page
      expect(await puller().pull('members')).toMatchObject({ upserted: 1 });
    });
  }
});

describe('pull: items', () => {
  const wheelchair = (more: Record<string, unknown> = {}) => ({ kind: 'catalogue', name: '手动轮椅', category: 'wheelchair', loanDays: 30, serviceLifeYears: 6, ...more });
  const item = (tagCode: string) => ({ kind: 'item', catalogueId: 'cat_1', tagCode, serial: 'SN-1', acquiredOn: '2025-03-01' });

  it('appends catalogue versions, registers items once and never touches their kiosk-recorded state chain', async () => {
    f.upstream.upsert('items', 'cat_1', wheelchair());
    f.upstream.upsert('items', 'itm_1', item('T-001'));
    expect(await puller().pull('items')).toMatchObject({ upserted: 2 });
    expect(findCatalogueEntry(f.db, 'cat_1')).toMatchObject({ version: 1, name: '手动轮椅', loanDays: 30, retired: false });
    expect(findItemView(f.db, 'itm_1')).toMatchObject({ tagCode: 'T-001', status: 'available' });
    // the kiosk sends it to cleaning; the platform changes the entry and serves the item again
    appendItemState(f.db, currentItemState(f.db, 'itm_1'), { ...currentItemState(f.db, 'itm_1')!, id: 'st_2', status: 'cleaning', reason: 'returned' });
    f.upstream.upsert('items', 'cat_1', wheelchair({ loanDays: 14 }));
    f.upstream.upsert('items', 'itm_1', item('T-001'));
    await puller().pull('items');
    expect(findCatalogueEntry(f.db, 'cat_1')).toMatchObject({ version: 2, loanDays: 14 });
    expect(itemStateChain(f.db, 'itm_1').map((s) => s.status)).toEqual(['cleaning', 'available']);
    // a resync serves every version again: all skipped, no third catalogue version
    expect(await puller().resync('items')).toMatchObject({ upserted: 0, skipped: 4 });
    expect(findCatalogueEntry(f.db, 'cat_1')?.version).toBe(2);
    // a deleted entry is retired by a new version; a deleted item stays
    f.upstream.remove('items', 'cat_1');
    f.upstream.remove('items', 'itm_1');
    await puller().pull('items');
    expect(findCatalogueEntry(f.db, 'cat_1')).toMatchObject({ version: 3, retired: true });
    expect(findItemView(f.db, 'itm_1')?.status).toBe('cleaning');
  });

  it('an item of an entry never served rolls the whole page back', async () => {
    f.upstream.upsert('items', 'cat_1', wheelchair());
    f.upstream.upsert('items', 'itm_9', { ...item('T-009'), catalogueId: 'cat_missing' });
    await expect(puller().pull('items')).rejects.toThrow(/never served/);
    expect(findCatalogueEntry(f.db, 'cat_1')).toBeUndefined();
    expect(readPullCursor(f.db, 'items')).toBeNull();
  });
});

describe('sync service: pull loop and resync', () => {
  const untilWoken: Sleep = (_ms, wake) => new Promise((resolve) => wake.addEventListener('abort', () => resolve(), { once: true }));

  it('pulls at start, retries a malformed page with backoff, and answers resync with counts', async () => {
    f.upstream.upsert('members', 'mem_1', member('张伟'));
    f.upstream.faults.badPage = { count: 1, kind: 'bad_record' };
    const pullWaits: number[] = [];
    const beats: (() => void)[] = [];
    service = new SyncService({
      db: f.db, bus: f.bus, identity: f.identity, softwareVersion: '0.1.0', timeoutMs: 2000, random: () => 0.5, log,
      sleep: (ms, wake, loop) => {
        if (loop === 'pull') {
          pullWaits.push(ms);
          return ms === f.identity.intervals.pullSec * 1000 ? untilWoken(ms, wake, loop) : Promise.resolve();
        }
        if (loop === 'heartbeat') return new Promise((resolve) => { beats.push(resolve); wake.addEventListener('abort', () => resolve(), { once: true }); });
        return untilWoken(ms, wake, loop);
      },
    });
    service.start();
    await until(() => pullWaits.includes(900_000) && beats.length === 1, 'the pull interval');
    expect(pullWaits).toEqual([1000, 900_000]);
    expect(logged.some((l) => /pull failed: .*malformed members record/.test(l))).toBe(true);
    expect(findMemberById(f.db, 'mem_1')?.name).toBe('张伟');
    expect(service.state().lastPullAt).not.toBeNull();
    const before = changeRequests('members');
    f.upstream.queueCommand(f.identity.deviceId, { id: 'cmd_r', type: 'resync', args: { stream: 'members' } });
    beats[0]!();
    await until(() => f.upstream.commandResults.has('cmd_r'), 'the resync result');
    expect(f.upstream.commandResults.get('cmd_r')).toEqual({ ok: true, output: { stream: 'members', pages: 1, upserted: 0, deleted: 0, skipped: 1, refused: 0, resets: 0 } });
    expect(changeRequests('members')).toBe(before + 1);
    expect(f.upstream.requests.filter((r) => r.path.startsWith('/v1/changes?stream=members')).at(-1)?.path).not.toContain('cursor=');
  });
});
