import { describe, expect, it } from 'vitest';
import type { SessionDetail } from '../../../../edge-server/src/api-types.js';
import {
  CAPACITY_MAX,
  checkDraft,
  draftOf,
  emptyDraft,
  serverFieldErrors,
  TITLE_MAX,
  type SessionDraft,
} from '../../../../kiosk-ui/src/staff/schedule/session-draft.js';

const good: SessionDraft = {
  title: ' 手工编织 ',
  kind: 'skills_training',
  room: '',
  leadStaffId: 'stf_1',
  capacity: '8',
  date: '2026-12-07',
  start: '09:30',
  end: '11:00',
  repeat: 'weekly',
  until: '2027-01-25',
  effectiveFrom: '',
};

/** the centre's date the checks compare an edit's first date with */
const TODAY = '2026-12-03';

describe('the session form draft', () => {
  it('becomes the body the server takes: trimmed title, empty room and lead as null, capacity a number', () => {
    expect(checkDraft(good, TODAY)).toEqual({
      errors: null,
      input: {
        title: '手工编织', kind: 'skills_training', room: null, leadStaffId: 'stf_1', capacity: 8,
        date: '2026-12-07', start: '09:30', end: '11:00', repeat: 'weekly', until: '2027-01-25',
      },
    });
  });

  it('takes an empty capacity as no limit and an empty last date as open-ended; a one-off has no last date', () => {
    expect(checkDraft({ ...good, capacity: '', until: '' }, TODAY).input).toMatchObject({ capacity: null, until: null });
    expect(checkDraft({ ...good, repeat: 'none' }, TODAY).input).toMatchObject({ repeat: 'none', until: null });
  });

  it('names every field to fix at once, in words', () => {
    const result = checkDraft({ ...emptyDraft('2026-12-07'), date: '2026-02-30', start: '10:00', end: '09:00' }, TODAY);
    expect(result.input).toBeNull();
    expect(result.errors).toEqual({
      title: { key: 'schedule.error.titleRequired' },
      kind: { key: 'schedule.error.kindRequired' },
      date: { key: 'schedule.error.date' },
      end: { key: 'schedule.error.endBeforeStart' },
    });
  });

  it('refuses a capacity of 0, a negative, a fraction, words or more than the maximum', () => {
    for (const capacity of ['0', '-3', '2.5', 'ten', String(CAPACITY_MAX + 1)]) {
      expect(checkDraft({ ...good, capacity }, TODAY).errors, capacity).toEqual({
        capacity: { key: 'schedule.error.capacity', params: { max: CAPACITY_MAX } },
      });
    }
  });

  it('refuses an over-long title, missing times and a last date before the first', () => {
    expect(checkDraft({ ...good, title: '长'.repeat(TITLE_MAX + 1) }, TODAY).errors?.title?.key).toBe('schedule.error.titleTooLong');
    expect(checkDraft({ ...good, start: '', end: '' }, TODAY).errors).toEqual({
      start: { key: 'schedule.error.time' },
      end: { key: 'schedule.error.time' },
    });
    expect(checkDraft({ ...good, until: '2026-12-06' }, TODAY).errors).toEqual({ until: { key: 'schedule.error.until' } });
  });

  it('sends an edit\'s first date only when one is chosen (empty: the server\'s default), today or later', () => {
    expect(checkDraft(good, TODAY).input).not.toHaveProperty('effectiveFrom');
    expect(checkDraft({ ...good, effectiveFrom: TODAY }, TODAY).input).toMatchObject({ effectiveFrom: TODAY });
    expect(checkDraft({ ...good, effectiveFrom: '2027-01-04' }, TODAY).input).toMatchObject({ title: '手工编织', effectiveFrom: '2027-01-04' });
    for (const effectiveFrom of ['2026-12-02', '2026-02-30', 'soon']) {
      expect(checkDraft({ ...good, effectiveFrom }, TODAY).errors, effectiveFrom).toEqual({ effectiveFrom: { key: 'schedule.error.effectiveFrom' } });
    }
  });

  it('fills the form from a series as the server has it', () => {
    const detail: SessionDetail = {
      id: 'ses_1', title: '太极', kind: 'culture_sports', room: '活动室', leadStaffId: null, lead: null, capacity: null,
      date: '2026-12-01', start: '14:00', end: '15:00', repeat: 'weekly', until: null, cancelledFrom: null, exceptions: [],
    };
    expect(draftOf(detail)).toEqual({
      title: '太极', kind: 'culture_sports', room: '活动室', leadStaffId: '', capacity: '',
      date: '2026-12-01', start: '14:00', end: '15:00', repeat: 'weekly', until: '', effectiveFrom: '',
    });
  });

  it('puts the server’s refusals next to their fields: by error code, and by the schema’s field paths', () => {
    expect(serverFieldErrors('invalid_range', 'The session ends before it starts')).toEqual({ end: { key: 'schedule.error.endBeforeStart' } });
    expect(serverFieldErrors('invalid_range', 'The series ends before its first date')).toEqual({ until: { key: 'schedule.error.until' } });
    expect(serverFieldErrors('invalid_date', 'until is a calendar date YYYY-MM-DD, e.g. 2026-12-03')).toEqual({ until: { key: 'schedule.error.date' } });
    expect(serverFieldErrors('invalid_date', 'An edit applies from today or a later date, not from a past one')).toEqual({
      effectiveFrom: { key: 'schedule.error.effectiveFrom' },
    });
    expect(serverFieldErrors('invalid_date', 'effectiveFrom is a calendar date YYYY-MM-DD, e.g. 2026-12-03')).toEqual({
      effectiveFrom: { key: 'schedule.error.effectiveFrom' },
    });
    expect(serverFieldErrors('staff_not_found', 'No active staff member stf_9')).toEqual({ leadStaffId: { key: 'schedule.error.lead' } });
    expect(
      serverFieldErrors('invalid_body', 'The request body is not what this endpoint takes (capacity: Too small; until: Invalid date)'),
    ).toEqual({
      capacity: { key: 'schedule.error.capacity', params: { max: CAPACITY_MAX } },
      until: { key: 'schedule.error.until' },
    });
    expect(serverFieldErrors('network', 'fetch failed')).toEqual({});
  });
});
