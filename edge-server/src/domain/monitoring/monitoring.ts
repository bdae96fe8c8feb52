import type { AlertSummary, HardwareHealth, MonitorState } from '../../api-types.js';
import type { FingerprintPort } from '../../../../hardware/fingerprint/index.js';
import type { GpioPort, LineChange, LineChatter } from '../../../../hardware/gpio/index.js';
import { formatWithOffset, localDate, localMinuteOfDay, localWeekday } from '../../clock.js';
import { getSetting, setSetting } from '../../db/settings.repo.js';
import { insertSensorEdge, listSensorEdges, pruneSensorEdges } from '../../db/sensor-edges.repo.js';
import type { AlertService } from '../alerts.js';
import type { AttendanceService } from '../attendance.js';
import type { DomainContext } from '../context.js';
import { findNoShows } from './no-show.js';
import { SignalOutputs } from './outputs.js';
import { loadMonitoringSettings, minutesOf, type MonitoringSettings } from './settings.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Lines whose edges are kept (finger_touch is the reader's business, and frequent). */
const RECORDED_LINES = new Set(['door', 'motion', 'call_button']);
const LAST_NO_SHOW_KEY = 'monitoring.lastNoShowDate';

type Device = 'fingerprint' | 'gpio';

/**
 * Watches the sensors and the devices and turns them into alerts by the rules in settings:
 * emergency call button → emergency_call at once (light and buzzer until acknowledged);
 * door open longer than N minutes → door_ajar; motion outside opening hours with nobody checked in →
 * after_hours_motion; at the no-show cutoff, regulars who have not come and have no leave → one
 * no_show alert; reader or GPIO unhealthy longer than N minutes, or a chattering line → device_fault.
 * Keeps the live state for staff and writes an hourly `sensor.hourly` summary; raw edges are pruned.
 * Timers are the global ones (tests use fake timers); times come from the domain clock.
 */
export class MonitoringService {
  private settings: MonitoringSettings;
  private door: { open: boolean; since: number | null } | null = null;
  private lastMotion: number | null = null;
  private doorTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly faultTimers = new Map<Device, ReturnType<typeof setTimeout>>();
  private hourTimer: ReturnType<typeof setTimeout> | null = null;
  private noShowTimer: ReturnType<typeof setTimeout> | null = null;
  private peakThisHour = 0;
  private readonly outputs: SignalOutputs;
  private offs: (() => void)[] = [];

  constructor(
    private readonly ctx: DomainContext,
    private readonly alerts: AlertService,
    private readonly attendance: AttendanceService,
    private readonly hardware: { fingerprint: FingerprintPort; gpio: GpioPort },
  ) {
    this.settings = loadMonitoringSettings(ctx.db);
    this.outputs = new SignalOutputs(hardware.gpio, () => ctx.clock.now());
  }

  start(): () => void {
    const { gpio, fingerprint } = this.hardware;
    this.settings = loadMonitoringSettings(this.ctx.db);
    this.readDoor();
    this.offs = [
      gpio.events.on('change', (change) => this.guard('line change', () => this.onChange(change))),
      gpio.events.on('chatter', (chatter) => this.guard('chatter', () => this.onChatter(chatter))),
      gpio.events.on('health', (health) => this.guard('gpio health', () => this.onHealth('gpio', health))),
      fingerprint.events.on('health', (health) => this.guard('reader health', () => this.onHealth('fingerprint', health))),
      this.ctx.bus.subscribe('alert', (alert) => this.guard('alert outputs', () => this.onAlert(alert))),
      this.ctx.bus.subscribe('record', (record) => {
        if (record.type.startsWith('attendance.')) this.guard('occupancy', () => this.notePresence());
      }),
      this.ctx.bus.subscribe('settings', () => this.guard('settings reload', () => this.reloadSettings())),
    ];
    this.onHealth('gpio', gpio.health());
    this.onHealth('fingerprint', fingerprint.health());
    this.peakThisHour = this.presentCount();
    this.scheduleHour();
    this.scheduleNoShow();
    if (this.alerts.active().some(isOpenEmergency)) this.outputs.emergency();
    else this.outputs.idle();
    return () => this.stop();
  }

  /** The centre right now, for the staff screen. */
  state(): MonitorState {
    const tz = this.ctx.timeZone();
    const h = { fingerprint: this.hardware.fingerprint.health(), gpio: this.hardware.gpio.health() };
    return {
      door: this.door && { open: this.door.open, since: this.door.since === null ? null : formatWithOffset(this.door.since, tz) },
      motion: h.gpio === 'absent' ? null : { lastAt: this.lastMotion === null ? null : formatWithOffset(this.lastMotion, tz) },
      presentCount: this.presentCount(),
      hardware: h,
      openAlerts: this.alerts.active().filter((a) => a.state === 'open').length,
    };
  }

  /** Runs the no-show check now (also what the cutoff timer does); returns the members listed. */
  checkNoShows(): string[] {
    const now = this.ctx.clock.now();
    const tz = this.ctx.timeZone();
    const today = localDate(now, tz);
    if (getSetting<string>(this.ctx.db, LAST_NO_SHOW_KEY) === today) return [];
    const missing = findNoShows(this.ctx.db, now, tz, this.settings.regularVisitsOfFour);
    setSetting(this.ctx.db, LAST_NO_SHOW_KEY, today);
    if (missing.length > 0) {
      this.alerts.raise('no_show', { date: today, members: missing.map((m) => ({ memberId: m.memberId, name: m.name, guardianContact: m.guardianContact })) });
    }
    return missing.map((m) => m.name);
  }

  /** Writes the summary of the hour that ended at `hourEnd` (what the hourly timer does). */
  summariseHour(hourEnd: number): void {
    const hourStart = hourEnd - HOUR;
    const edges = listSensorEdges(this.ctx.db, hourStart, hourEnd);
    const doorOpenings = edges.filter((e) => e.line === 'door' && e.active === 1).length;
    const motionMinutes = new Set(edges.filter((e) => e.line === 'motion' && e.active === 1).map((e) => Math.floor(e.at / MINUTE))).size;
    const peakOccupancy = this.peakThisHour;
    this.peakThisHour = this.presentCount();
    if (doorOpenings > 0 || motionMinutes > 0 || peakOccupancy > 0) {
      this.ctx.log.write((append) => append('sensor.hourly', {
        hourStart: formatWithOffset(hourStart, this.ctx.timeZone()), doorOpenings, motionMinutes, peakOccupancy,
      }, hourEnd));
    }
    pruneSensorEdges(this.ctx.db, hourEnd - this.settings.rawEdgeRetentionDays * 24 * HOUR);
  }

  private stop(): void {
    for (const off of this.offs) off();
    this.offs = [];
    for (const timer of [this.doorTimer, this.hourTimer, this.noShowTimer, ...this.faultTimers.values()]) if (timer) clearTimeout(timer);
    this.faultTimers.clear();
    this.doorTimer = this.hourTimer = this.noShowTimer = null;
    this.outputs.stop();
  }

  private onChange(change: LineChange): void {
    // The domain clock, not the driver's timestamp: records carry the clock whose trust is recorded.
    const at = this.ctx.clock.now();
    if (RECORDED_LINES.has(change.line)) insertSensorEdge(this.ctx.db, change.line, change.active, at);
    switch (change.line) {
      case 'call_button':
        if (change.active && !this.alerts.active().some(isOpenEmergency)) this.alerts.raise('emergency_call', { line: 'call_button' });
        break;
      case 'door':
        this.setDoor(change.active, at);
        break;
      case 'motion':
        if (!change.active) break;
        this.lastMotion = at;
        if (!this.isOpen(at) && this.presentCount() === 0) {
          this.alerts.raise('after_hours_motion', { at: formatWithOffset(at, this.ctx.timeZone()) }, { onceWhileUnresolved: true });
        }
        break;
      default:
        break;
    }
  }

  private setDoor(open: boolean, at: number): void {
    this.door = { open, since: at };
    if (this.doorTimer) clearTimeout(this.doorTimer);
    this.doorTimer = null;
    if (!open) return;
    const minutes = this.settings.doorAjarMinutes;
    this.doorTimer = setTimeout(() => this.guard('door_ajar', () => {
      this.doorTimer = null;
      if (this.door?.open) this.alerts.raise('door_ajar', { minutesOpen: minutes }, { onceWhileUnresolved: true });
    }), minutes * MINUTE);
  }

  private onChatter(chatter: LineChatter): void {
    this.alerts.raise('device_fault', { device: 'gpio', line: chatter.line, reason: 'chatter', edgesPerSecond: chatter.edgesPerSecond },
      { onceWhileUnresolved: true, sameDetail: ['device', 'line'] });
  }

  private onHealth(device: Device, health: HardwareHealth): void {
    const timer = this.faultTimers.get(device);
    if (health === 'ok') {
      if (timer) clearTimeout(timer);
      this.faultTimers.delete(device);
      if (device === 'gpio') this.readDoor();
      return;
    }
    if (timer) return;
    this.faultTimers.set(device, setTimeout(() => this.guard('device_fault', () => {
      this.faultTimers.delete(device);
      const now = device === 'gpio' ? this.hardware.gpio.health() : this.hardware.fingerprint.health();
      if (now !== 'ok') {
        this.alerts.raise('device_fault', { device, health: now, minutes: this.settings.deviceFaultMinutes },
          { onceWhileUnresolved: true, sameDetail: ['device'] });
      }
    }), this.settings.deviceFaultMinutes * MINUTE));
  }

  private onAlert(alert: AlertSummary): void {
    if (alert.kind !== 'emergency_call') return;
    if (this.alerts.active().some(isOpenEmergency)) this.outputs.emergency();
    else this.outputs.idle();
  }

  private notePresence(): void {
    this.peakThisHour = Math.max(this.peakThisHour, this.presentCount());
  }

  private readDoor(): void {
    const { gpio } = this.hardware;
    if (gpio.health() === 'absent') return;
    try {
      const line = gpio.lines().door;
      const value = gpio.read('door');
      const open = line.activeLow ? value === 0 : value === 1;
      if (this.door?.open !== open) this.setDoor(open, this.ctx.clock.now());
    } catch (err) {
      console.error(`monitoring: cannot read the door line: ${(err as Error).message}`);
    }
  }

  private presentCount(): number {
    return this.attendance.todayOverview().present.length;
  }

  private isOpen(at: number): boolean {
    const tz = this.ctx.timeZone();
    const { open, close, days } = this.settings.openingHours;
    if (!days.includes(localWeekday(at, tz))) return false;
    const minute = localMinuteOfDay(at, tz);
    return minute >= minutesOf(open) && minute < minutesOf(close);
  }

  private scheduleHour(): void {
    const now = this.ctx.clock.now();
    const intoHour = (localMinuteOfDay(now, this.ctx.timeZone()) % 60) * MINUTE + (now % MINUTE);
    const wait = HOUR - intoHour;
    this.hourTimer = setTimeout(() => {
      this.guard('hourly summary', () => this.summariseHour(now + wait));
      this.scheduleHour();
    }, wait);
  }

  /** The no-show check runs at the cutoff on opening days; started after the cutoff, it runs at once. */
  /** New thresholds from the district platform apply at once; the no-show check is re-armed for a new cutoff. */
  private reloadSettings(): void {
    this.settings = loadMonitoringSettings(this.ctx.db);
    if (this.noShowTimer) clearTimeout(this.noShowTimer);
    this.noShowTimer = null;
    this.scheduleNoShow();
  }

  private scheduleNoShow(): void {
    const now = this.ctx.clock.now();
    const tz = this.ctx.timeZone();
    const minute = localMinuteOfDay(now, tz);
    const cutoff = minutesOf(this.settings.noShowCutoff);
    const openingDay = this.settings.openingHours.days.includes(localWeekday(now, tz));
    const beforeClose = minute < minutesOf(this.settings.openingHours.close);
    if (openingDay && minute >= cutoff && beforeClose) this.guard('no-show check', () => this.checkNoShows());
    const untilCutoff = (((cutoff - minute) % 1440) + 1440) % 1440 || 1440;
    this.noShowTimer = setTimeout(() => {
      this.noShowTimer = null;
      this.scheduleNoShow();
    }, untilCutoff * MINUTE - (now % MINUTE));
  }

  /** A rule that fails must not stop the others or the kiosk. */
  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      console.error(`monitoring: ${what} failed: ${(err as Error).message}`);
    }
  }
}

function isOpenEmergency(alert: AlertSummary): boolean {
  return alert.kind === 'emergency_call' && alert.state === 'open';
}
