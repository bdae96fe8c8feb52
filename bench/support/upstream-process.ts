/**
 * The reference upstream in a process of its own, for the drain benchmark: the kiosk's RSS is then the
 * kiosk's alone (the upstream keeps every event it stores in memory, which grows with the backlog).
 * Talks to its parent over the fork IPC channel: it sends `{ready, baseUrl, deviceId, deviceSecret}`,
 * answers `'counts'` with `{storeCount, eventBytes}` and stops on `'stop'`.
 */
import { ReferenceUpstream } from '../../test/support/upstream/reference-upstream.js';

const upstream = new ReferenceUpstream();
await upstream.start();
const device = upstream.addDevice();
process.send?.({ ready: true, baseUrl: upstream.baseUrl, ...device });
process.on('message', (message) => {
  if (message === 'counts') process.send?.({ storeCount: upstream.storeCount, eventBytes: upstream.eventBytes });
  if (message === 'stop') void upstream.stop().then(() => process.exit(0));
});
