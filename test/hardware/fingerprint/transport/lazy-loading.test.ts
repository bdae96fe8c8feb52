import { describe, expect, it, vi } from 'vitest';
import { FakeCp2110, FakeNodeHid } from '../../../support/fingerprint/fake-hid.js';

// The kiosk must start on machines without node-hid or serialport (a simulator-only install, a
// missing libudev): the transports may load them only when a real reader is opened.
const loaded = vi.hoisted(() => ({ nodeHid: 0, serialport: 0, stream: 0 }));
const fakeHid = vi.hoisted(() => ({ module: null as unknown }));

vi.mock('node-hid', () => {
  loaded.nodeHid += 1;
  return fakeHid.module as object;
});
vi.mock('serialport', async (importOriginal) => {
  loaded.serialport += 1;
  return importOriginal();
});
vi.mock('@serialport/stream', async (importOriginal) => {
  loaded.stream += 1;
  return importOriginal();
});

describe('loading the hardware libraries', () => {
  it('does not load node-hid or serialport when the transport modules are imported', async () => {
    await import('../../../../hardware/fingerprint/transport/hid.js');
    await import('../../../../hardware/fingerprint/transport/serial.js');
    await import('../../../../hardware/fingerprint/transport/cp2110.js');
    await import('../../../../hardware/fingerprint/transport/ft260.js');
    expect(loaded).toEqual({ nodeHid: 0, serialport: 0, stream: 0 });
  });

  it('loads node-hid when a HID transport opens, and picks its backend first', async () => {
    const bridge = new FakeCp2110();
    const hid = new FakeNodeHid(bridge);
    fakeHid.module = hid;
    const { HidTransport } = await import('../../../../hardware/fingerprint/transport/hid.js');
    const transport = new HidTransport({ bridge: 'cp2110', driverType: 'hidraw' });
    await transport.open();
    await transport.close();
    expect(loaded.nodeHid).toBe(1);
    expect(hid.driverTypes).toEqual(['hidraw']);
    expect(bridge.openedPaths).toEqual(['/dev/hidraw0']);
  });

  it('loads only the serial stream, not the platform binding, when a binding is injected', async () => {
    const { MockSerialLine } = await import('../../../support/fingerprint/mock-serial.js');
    const { SerialTransport } = await import('../../../../hardware/fingerprint/transport/serial.js');
    const line = new MockSerialLine('/dev/ttyAMA0');
    const transport = new SerialTransport({ path: '/dev/ttyAMA0', binding: line.binding });
    await transport.open();
    await transport.close();
    expect(loaded.stream).toBe(1);
    expect(loaded.serialport).toBe(0);
  });
});
