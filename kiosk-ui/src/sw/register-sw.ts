import { Workbox } from 'workbox-window';

/**
 * Registers the service worker. A new version that is waiting is applied (skip waiting + reload) only
 * while the kiosk shows the idle screen, never in the middle of somebody's check-in.
 */
export function registerServiceWorker(isIdle: () => boolean): void {
  if (!('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js');
  let applying = false;
  const apply = (): void => {
    if (applying) return;
    applying = true;
    wb.addEventListener('controlling', () => window.location.reload());
    wb.messageSkipWaiting();
  };
  wb.addEventListener('waiting', () => {
    if (isIdle()) apply();
    else window.addEventListener('kiosk-idle-entered', apply, { once: true });
  });
  wb.register().catch((err: unknown) => {
    console.warn('Service worker not registered; the kiosk works but will not start offline:', err);
  });
}
