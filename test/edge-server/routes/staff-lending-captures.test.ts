import { beforeEach, describe, expect, it } from 'vitest';
import type { IdentifyCapture, LendingMessage, Loan } from '../../../edge-server/src/api-types.js';
import { addEntry, addItem, checklistFor } from '../../support/lending-fixtures.js';
import { attendanceRows, count, expectKind, touch } from '../helpers.js';
import { expectErrors, useStaffArea } from './staff-area.js';

const ZHANG = 'mem_demo_01'; // slot 1, card 100001
const CHEN = 'mem_demo_05'; // 陈静, slot 5, card 100005

describe('staff: identify captures at the loan desk', () => {
  const area = useStaffArea('/api/staff/lending');
  const { get, post } = area;
  let messages: LendingMessage[];
  let chair: string;

  beforeEach(() => {
    messages = [];
    area.kiosk.bus.subscribe('lending', (m) => messages.push(m));
    chair = addItem(area.kiosk.db, addEntry(area.kiosk.db, { name: '手动轮椅' }), { tagCode: 'LND-0001' });
  });

  async function start(body: Record<string, unknown>): Promise<IdentifyCapture> {
    const res = await post('/identify', body);
    expect(res.status).toBe(201);
    return (await res.json()) as IdentifyCapture;
  }
  const state = async (id: string) => ((await (await get(`/identify/${id}`)).json()) as IdentifyCapture);
  const finger = (slot: number | null) => area.kiosk.fingerprint.touch(slot);

  it('needs a signed-in staff member', async () => {
    expect((await area.kiosk.post('/api/staff/lending/identify', { purpose: 'member' })).status).toBe(401);
    expect((await get('/identify/x', false)).status).toBe(401);
  });

  it('routes the next finger to a waiting capture instead of checking the member in, and checks in again after it', async () => {
    const capture = await start({ purpose: 'member' });
    expect(capture).toMatchObject({ purpose: 'member', state: 'waiting', method: null, member: null, expiresAt: '2026-12-03T09:01:00.000+08:00' });
    const outcomes: unknown[] = [];
    const off = area.kiosk.bus.subscribe('outcome', (o) => outcomes.push(o));
    finger(1);
    off();
    expect(outcomes).toEqual([]);
    expect(attendanceRows(area.kiosk, ZHANG)).toEqual([]);
    expect(await state(capture.id)).toMatchObject({ state: 'matched', method: 'fingerprint', member: { id: ZHANG, name: '张伟' } });
    // the capture is answered: the next finger is a check-in again
    expectKind(touch(area.kiosk, 1), 'checked_in');
    expect(attendanceRows(area.kiosk, ZHANG)).toHaveLength(1);
  });

  it('publishes every change of a capture as a lending message with the member id and name only', async () => {
    const capture = await start({ purpose: 'member' });
    finger(5);
    expect(messages).toEqual([
      { kind: 'capture', capture: { ...capture } },
      { kind: 'capture', capture: { ...capture, state: 'matched', method: 'fingerprint', member: { id: CHEN, name: '陈静' } } },
    ]);
  });

  it('answers a capture from a card typed by the wedge, and says no_match for an unknown card or finger', async () => {
    const byCard = await start({ purpose: 'member' });
    const res = await post(`/identify/${byCard.id}/card`, { cardNumber: '100005' });
    expect(((await res.json()) as IdentifyCapture)).toMatchObject({ state: 'matched', method: 'card', member: { id: CHEN } });
    const unknown = await start({ purpose: 'member' });
    expect(((await (await post(`/identify/${unknown.id}/card`, { cardNumber: '555' })).json()) as IdentifyCapture)).toMatchObject({ state: 'no_match', member: null });
    const noFinger = await start({ purpose: 'member' });
    finger(null);
    expect(await state(noFinger.id)).toMatchObject({ state: 'no_match', method: 'fingerprint' });
    await expectErrors([
      [post(`/identify/${byCard.id}/card`, { cardNumber: '100001' }), 409, 'capture_not_waiting'],
      [post('/identify/nope/card', { cardNumber: '100001' }), 404, 'capture_not_found'],
      [post(`/identify/${byCard.id}/card`, { cardNumber: '' }), 400, 'invalid_body'],
      [post('/identify', { purpose: 'both' }), 400, 'invalid_body'],
      [post('/identify', { purpose: 'acknowledge' }), 400, 'member_required'],
      [post('/identify', { purpose: 'member', memberId: 'mem_nobody' }), 404, 'member_not_found'],
    ]);
  });

  it('expires after 60 s and is cancelled by staff or by the next capture; then fingers check in again', async () => {
    const first = await start({ purpose: 'member' });
    const second = await start({ purpose: 'member' });
    expect((await state(first.id)).state).toBe('cancelled');
    expect(((await (await post(`/identify/${second.id}/cancel`, {})).json()) as IdentifyCapture).state).toBe('cancelled');
    await expectErrors([[post(`/identify/${second.id}/cancel`, {}), 409, 'capture_not_waiting']]);
    const third = await start({ purpose: 'member' });
    area.kiosk.clock.advance(60_000);
    expectKind(touch(area.kiosk, 1), 'checked_in');
    expect((await state(third.id)).state).toBe('expired');
  });

  it("acknowledges a loan with the borrower's own finger, once, and never with somebody else's", async () => {
    const lend = (captureId: string, method = 'fingerprint') => post('/loans', {
      memberId: ZHANG, itemId: chair, dueOn: '2026-12-20', condition: 'good', checklist: checklistFor('wheelchair'),
      acknowledgement: { method, captureId },
    });
    const wrongPerson = await start({ purpose: 'acknowledge', memberId: ZHANG });
    finger(5);
    expect((await state(wrongPerson.id)).state).toBe('no_match');
    const identifyOnly = await start({ purpose: 'member' });
    finger(1);
    const ack = await start({ purpose: 'acknowledge', memberId: ZHANG });
    finger(1);
    expect(await state(ack.id)).toMatchObject({ state: 'matched', member: { id: ZHANG } });
    const before = count(area.kiosk, 'lending_loans');
    await expectErrors([
      [lend(wrongPerson.id), 409, 'acknowledgement_invalid'],
      [lend(identifyOnly.id), 409, 'acknowledgement_invalid'],
      [lend(ack.id, 'card'), 409, 'acknowledgement_invalid'],
    ]);
    expect(count(area.kiosk, 'lending_loans')).toBe(before);
    const res = await lend(ack.id);
    expect(res.status).toBe(201);
    expect(((await res.json()) as Loan).acknowledgement).toEqual({ method: 'fingerprint', by: 'self', guardianName: null });
    // used once: the same capture does not acknowledge a second loan
    const other = addItem(area.kiosk.db, addEntry(area.kiosk.db));
    const again = await post('/loans', {
      memberId: ZHANG, itemId: other, dueOn: '2026-12-20', condition: 'good', checklist: checklistFor('wheelchair'),
      acknowledgement: { method: 'fingerprint', captureId: ack.id },
    });
    expect(again.status).toBe(409);
  });
});
