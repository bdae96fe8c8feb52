import type { AlertInfo, AlertKind, HardwareHealth } from '../../../edge-server/src/api-types.js';
import type { PictogramName } from '../components/pictograms.js';
import { centreTimeZone, type I18nController } from '../controllers/i18n-controller.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { todayIn } from './zoned-time.js';

/** The pictogram beside each kind of alert's words. */
export const ALERT_PICTOGRAM: Record<AlertKind, PictogramName> = {
  emergency_call: 'siren',
  help_requested: 'help',
  door_ajar: 'door',
  after_hours_motion: 'motion',
  no_show: 'absent',
  device_fault: 'plug',
  loan_overdue: 'book',
};

/** One member of a `no_show` alert, as the monitoring rule lists them. */
export interface NoShowMember {
  memberId: string;
  name: string;
  guardianContact: string | null;
}

/** An instant in plain words: "today 09:12", or the date and time when it was another day. */
export function whenText(i18n: I18nController, iso: string): string {
  const tz = centreTimeZone.value;
  return todayIn(tz, new Date(iso)) === todayIn(tz) ? i18n.t('alerts.today', { time: i18n.time(iso) }) : i18n.dateTime(iso);
}

/** A calendar date (YYYY-MM-DD) in the page's language. */
export function dayText(i18n: I18nController, day: string): string {
  const at = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(at)) return day;
  return new Intl.DateTimeFormat(i18n.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

/** The members listed by a `no_show` alert (anything malformed left out). */
export function noShowMembers(alert: AlertInfo): NoShowMember[] {
  const members = alert.detail['members'];
  if (!Array.isArray(members)) return [];
  return members.flatMap((m: unknown) => {
    if (!m || typeof m !== 'object') return [];
    const { memberId, name, guardianContact } = m as Record<string, unknown>;
    if (typeof memberId !== 'string' || typeof name !== 'string') return [];
    return [{ memberId, name, guardianContact: typeof guardianContact === 'string' && guardianContact ? guardianContact : null }];
  });
}

/** The day a `no_show` alert is about. */
export function noShowDate(alert: AlertInfo): string {
  return text(alert, 'date') ?? todayIn(centreTimeZone.value, new Date(alert.raisedAt));
}

/**
 * What happened, in one or two plain sentences for staff. `memberNames` resolves the member of a
 * `help_requested` alert (the alert itself carries only the id); without it: "a member".
 */
export function detailText(i18n: I18nController, alert: AlertInfo, memberNames: ReadonlyMap<string, string>): string {
  const t = i18n.t.bind(i18n);
  switch (alert.kind) {
    case 'emergency_call':
      return t('detail.emergency');
    case 'help_requested': {
      const id = text(alert, 'memberId');
      const name = id ? memberNames.get(id) : undefined;
      return name ? t('detail.helpMember', { name }) : t('detail.helpSomeone');
    }
    case 'door_ajar':
      return t('detail.doorAjar', { minutes: number(alert, 'minutesOpen') ?? '?' });
    case 'after_hours_motion': {
      const at = text(alert, 'at');
      return t('detail.afterHours', { when: at ? whenText(i18n, at) : whenText(i18n, alert.raisedAt) });
    }
    case 'no_show':
      return t('detail.noShow', { date: dayText(i18n, noShowDate(alert)) });
    case 'device_fault':
      return faultText(i18n, alert);
    case 'loan_overdue':
      return t('detail.loan');
  }
}

function faultText(i18n: I18nController, alert: AlertInfo): string {
  const t = i18n.t.bind(i18n);
  const line = text(alert, 'line');
  if (text(alert, 'reason') === 'chatter' && line) {
    return t('detail.chatter', { line: isLine(line) ? t(`line.${line}`) : line });
  }
  const device = text(alert, 'device') === 'fingerprint' ? 'fingerprint' : 'gpio';
  const health = healthWords(i18n, text(alert, 'health'));
  const minutes = number(alert, 'minutes');
  if (minutes === undefined) return t('detail.faultDevice', { device: t(`device.${device}`), health });
  return t(device === 'fingerprint' ? 'detail.faultReader' : 'detail.faultGpio', { health, minutes });
}

/** A device's health in words ("not connected", "unreliable"…). */
export function healthWords(i18n: I18nController, health: string | undefined): string {
  return isHealth(health) ? i18n.t(`health.${health}`) : i18n.t('health.error');
}

const LINES = ['door', 'motion', 'call_button', 'finger_touch'] as const;
const HEALTH: readonly HardwareHealth[] = ['ok', 'absent', 'error', 'degraded'];

function isLine(line: string): line is (typeof LINES)[number] {
  return (LINES as readonly string[]).includes(line);
}

function isHealth(health: string | undefined): health is HardwareHealth {
  return (HEALTH as readonly (string | undefined)[]).includes(health);
}

function text(alert: AlertInfo, key: string): string | undefined {
  const value = alert.detail[key];
  return typeof value === 'string' && value ? value : undefined;
}

function number(alert: AlertInfo, key: string): number | undefined {
  const value = alert.detail[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The words for an alert's kind (its heading everywhere). */
export function kindWords(i18n: I18nController, kind: AlertKind): string {
  return i18n.t(`alertKind.${kind}` satisfies MessageKey);
}
