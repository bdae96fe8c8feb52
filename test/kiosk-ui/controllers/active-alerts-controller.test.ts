import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertSummary } from '../../../edge-server/src/api-types.js';
import { ActiveAlerts, activeAlertsStore, openEmergency } from '../../../kiosk-ui/src/controllers/active-alerts-controller.js';

const alert = (id: string, state: AlertSummary['state'], kind: AlertSummary['kind'] = 'emergency_call', minute = 0): AlertSummary => ({
  id, kind, state, severity: kind === 'emergency_call' ? 'critical' : 'warning', raisedAt: `2026-12-03T09:${String(minute).padStart(2, '0')}:00.000+08:00`,
});

/** `GET /api/alerts/active` answered when the test says so. */
function serverAnswers(): { answer(alerts: AlertSummary[]): void; fail(): void } {
  let pending: { resolve: (r: Response) => void; reject: (e: Error) => void } | null = null;
  vi.stubGlobal('fetch', () => new Promise<Response>((resolve, reject) => (pending = { resolve, reject })));
  return {
    answer: (alerts) => pending!.resolve(new Response(JSON.stringify({ alerts }), { status: 200 })),
    fail: () => pending!.reject(new Error('connection refused')),
  };
}

const ids = (): string[] => activeAlertsStore.value.map((a) => `${a.id}:${a.state}`);

describe('ActiveAlerts', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('follows an alert from open to acknowledged to gone when resolved, oldest first', () => {
    const alerts = new ActiveAlerts();
    alerts.apply(alert('b', 'open', 'help_requested', 5));
    alerts.apply(alert('a', 'open', 'emergency_call', 1));
    expect(ids()).toEqual(['a:open', 'b:open']);
    expect(openEmergency(activeAlertsStore.value)?.id).toBe('a');
    alerts.apply(alert('a', 'acknowledged'));
    expect(ids()).toEqual(['a:acknowledged', 'b:open']);
    expect(openEmergency(activeAlertsStore.value), 'an acknowledged emergency takes the banner away').toBeNull();
    alerts.apply(alert('a', 'resolved'));
    alerts.apply(alert('b', 'resolved'));
    expect(ids()).toEqual([]);
  });

  it('never moves an alert backwards when messages arrive out of order', () => {
    const alerts = new ActiveAlerts();
    alerts.apply(alert('a', 'acknowledged'));
    alerts.apply(alert('a', 'open'));
    expect(ids()).toEqual(['a:acknowledged']);
    alerts.apply(alert('a', 'resolved'));
    alerts.apply(alert('a', 'open'));
    expect(ids()).toEqual([]);
  });

  it('keeps what the live stream said while a read was on its way on top of the read’s answer', async () => {
    const alerts = new ActiveAlerts();
    const server = serverAnswers();
    const read = alerts.refresh();
    // during the read: one emergency is resolved, another raised
    alerts.apply(alert('old', 'resolved'));
    alerts.apply(alert('new', 'open', 'emergency_call', 9));
    // the answer was taken before both
    server.answer([alert('old', 'open'), alert('help', 'open', 'help_requested', 2)]);
    await read;
    expect(ids()).toEqual(['help:open', 'new:open']);
  });

  it('replaces what it knew with the server’s list after a reconnect (alerts resolved meanwhile go)', async () => {
    const alerts = new ActiveAlerts();
    alerts.apply(alert('gone', 'open'));
    const server = serverAnswers();
    const read = alerts.refresh();
    server.answer([alert('still', 'acknowledged', 'door_ajar', 3)]);
    await read;
    expect(ids()).toEqual(['still:acknowledged']);
  });

  it('keeps what it has when the server cannot be reached', async () => {
    const alerts = new ActiveAlerts();
    alerts.apply(alert('a', 'open'));
    const server = serverAnswers();
    const read = alerts.refresh();
    server.fail();
    await read;
    expect(ids()).toEqual(['a:open']);
  });
});
