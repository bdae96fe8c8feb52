import { afterEach, describe, expect, it, vi } from 'vitest';
import { HidTransport, listHidBridges } from '../../../../hardware/fingerprint/transport/hid.js';
import { TransportAbsentError } from '../../../../hardware/fingerprint/transport/transport.js';
import { EchoDevice } from '../../../support/fingerprint/byte-device.js';
import { FakeCp2110, FakeFt260, FakeNodeHid, type FakeBridge } from '../../../support/fingerprint/fake-hid.js';
import { closedAfter, countingBytes, echoRoundTrip, receiveBytes } from '../../../support/fingerprint/transport-events.js';

function plug(bridge: FakeBridge) {
  const hid = new FakeNodeHid(bridge);
  const echo = new EchoDevice();
  bridge.attach(echo);
  const transport = new HidTransport({ bridge: bridge.kind, driverType: 'hidraw', loadHid: async () => hid });
  return { hid, echo, transport };
}

const transports: HidTransport[] = [];
function track<T extends { transport: HidTransport }>(setup: T): T {
  transports.push(setup.transport);
  return setup;
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(transports.splice(0).map((t) => t.close()));
});

describe('HidTransport with a CP2110', () => {
  it('opens by enabling the UART, setting 57600 8N1 and purging, in that order', async () => {
    const bridge = new FakeCp2110();
    const { transport } = track(plug(bridge));
    await transport.open();
    expect(bridge.featureReports).toEqual([
      [0x41, 0x01],
      [0x50, 0x00, 0x00, 0xe1, 0x00, 0x00, 0x00, 0x03, 0x00],
      [0x43, 0x03],
    ]);
    expect(bridge.openedPaths).toEqual(['/dev/hidraw0']);
    expect(transport.description).toBe('hid cp2110 10c4:ea80 /dev/hidraw0');
  });

  it('selects the hidraw backend before touching node-hid', async () => {
    const bridge = new FakeCp2110();
    const { hid, transport } = track(plug(bridge));
    await transport.open();
    expect(hid.driverTypes).toEqual(['hidraw']);
  });

  it('carries a packet to the device and the answer back', async () => {
    const bridge = new FakeCp2110();
    const { echo, transport } = track(plug(bridge));
    await transport.open();
    const genImg = Uint8Array.of(0xef, 0x01, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x03, 0x01, 0x00, 0x05);
    expect(await echoRoundTrip(transport, genImg)).toEqual(Array.from(genImg));
    expect(echo.received).toEqual(Array.from(genImg));
    expect(bridge.malformedOutputReports).toBe(0);
    expect(bridge.droppedBytes).toBe(0);
  });

  it('splits a big write into 63-byte reports and reassembles randomly cut input reports', async () => {
    const bridge = new FakeCp2110({ seed: 7 });
    const { echo, transport } = track(plug(bridge));
    await transport.open();
    const bytes = countingBytes(300);
    const answer = receiveBytes(transport, bytes.length);
    await transport.write(bytes);
    const { bytes: received, chunks } = await answer;
    expect(bridge.outputReports.map((r) => r[0])).toEqual([63, 63, 63, 63, 48]);
    expect(echo.received).toEqual(Array.from(bytes));
    expect(received).toEqual(Array.from(bytes));
    // The fake cut the answer at random; the transport must not depend on where.
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('keeps two packets written at once apart', async () => {
    const bridge = new FakeCp2110();
    const { echo, transport } = track(plug(bridge));
    await transport.open();
    const first = countingBytes(100, 0);
    const second = countingBytes(100, 100);
    await Promise.all([transport.write(first), transport.write(second)]);
    expect(echo.received).toEqual([...first, ...second]);
  });

  it('ignores input reports that are not UART data, and counts them', async () => {
    const bridge = new FakeCp2110();
    const { transport } = track(plug(bridge));
    await transport.open();
    const answer = receiveBytes(transport, 2);
    bridge.sendRawInputReport([0x00, 0xaa]);
    bridge.sendRawInputReport([0x42, 0, 0, 0, 0]);
    bridge.sendRawInputReport([2, 0xef, 0x01]);
    expect((await answer).bytes).toEqual([0xef, 0x01]);
    expect(transport.ignoredReports).toBe(2);
  });

  it('reports an unplugged bridge as closed with the read error', async () => {
    const bridge = new FakeCp2110();
    const { transport } = track(plug(bridge));
    await transport.open();
    const { error } = await closedAfter(transport, () => bridge.unplug());
    expect(error?.message).toMatch(/could not read/);
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(/not open/);
  });

  it('notices a bridge that went away when a write fails, and reports it once', async () => {
    const bridge = new FakeCp2110();
    const { transport } = track(plug(bridge));
    await transport.open();
    const events: Array<Error | null> = [];
    transport.events.on('closed', ({ error }) => events.push(error));
    bridge.unplug({ quietly: true });
    await expect(transport.write(Uint8Array.of(1, 2, 3))).rejects.toThrow(/Cannot write to hid device/);
    expect(events).toHaveLength(1);
    expect(events[0]?.message).toMatch(/Cannot write/);
  });

  it('opens again after the bridge is plugged back in, configuring the UART afresh', async () => {
    const bridge = new FakeCp2110();
    const { transport } = track(plug(bridge));
    await transport.open();
    await closedAfter(transport, () => bridge.unplug());
    await expect(transport.open()).rejects.toBeInstanceOf(TransportAbsentError);
    bridge.replug();
    await transport.open();
    expect(bridge.featureReports).toHaveLength(6);
    expect(await echoRoundTrip(transport, Uint8Array.of(7, 8, 9))).toEqual([7, 8, 9]);
  });

  it('says the bridge is absent when none is plugged in', async () => {
    const bridge = new FakeCp2110();
    bridge.unplug();
    const { transport } = plug(bridge);
    const opening = transport.open();
    await expect(opening).rejects.toBeInstanceOf(TransportAbsentError);
    await expect(opening).rejects.toThrow(/No CP2110 HID bridge \(10c4:ea80\) found/);
  });

  it('says the bridge is absent when the configured hidraw path does not exist', async () => {
    const hid = new FakeNodeHid(new FakeCp2110());
    const transport = new HidTransport({ bridge: 'cp2110', path: '/dev/hidraw7', loadHid: async () => hid });
    await expect(transport.open()).rejects.toBeInstanceOf(TransportAbsentError);
  });

  it('opens the configured path rather than the first bridge found', async () => {
    const first = new FakeCp2110({ path: '/dev/hidraw2' });
    const second = new FakeCp2110({ path: '/dev/hidraw5' });
    const hid = new FakeNodeHid(first, second);
    const transport = new HidTransport({ bridge: 'cp2110', path: '/dev/hidraw5', loadHid: async () => hid });
    transports.push(transport);
    await transport.open();
    expect(first.openedPaths).toEqual([]);
    expect(second.openedPaths).toEqual(['/dev/hidraw5']);
  });

  it('explains a permission error with the udev rule to install', async () => {
    const bridge = new FakeCp2110();
    bridge.permissionDenied = true;
    const { transport } = plug(bridge);
    const opening = transport.open();
    await expect(opening).rejects.not.toBeInstanceOf(TransportAbsentError);
    await expect(opening).rejects.toThrow(/udev rule/);
    await expect(opening).rejects.toThrow(/KERNEL=="hidraw\*", ATTRS\{idVendor\}=="10c4", ATTRS\{idProduct\}=="ea80"/);
  });

  it('gives up and lets go of the device when the UART cannot be configured', async () => {
    const bridge = new FakeCp2110();
    bridge.refuseFeatureReports = true;
    const { transport } = plug(bridge);
    await expect(transport.open()).rejects.toThrow(/Could not configure the CP2110 UART at \/dev\/hidraw0 \(feature report 0x41\)/);
    bridge.refuseFeatureReports = false;
    await transport.open();
    transports.push(transport);
    expect(bridge.openedPaths).toEqual(['/dev/hidraw0', '/dev/hidraw0']);
  });

  it('emits closed with no error when asked to close, once', async () => {
    const bridge = new FakeCp2110();
    const { transport } = plug(bridge);
    await transport.open();
    const events: Array<Error | null> = [];
    transport.events.on('closed', ({ error }) => events.push(error));
    await transport.close();
    await transport.close();
    expect(events).toEqual([null]);
  });
});

describe('HidTransport with an FT260', () => {
  it('opens the UART interface (1), not the I2C one, and configures 57600 8N1', async () => {
    const bridge = new FakeFt260();
    const { transport } = track(plug(bridge));
    await transport.open();
    expect(bridge.openedPaths).toEqual(['/dev/hidraw1']);
    expect(bridge.featureReports).toEqual([[0xa1, 0x41, 0x04, 0x00, 0xe1, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00]]);
    expect(transport.description).toBe('hid ft260 0403:6030 /dev/hidraw1');
  });

  it('round-trips a big write through 60-byte reports', async () => {
    const bridge = new FakeFt260({ seed: 11 });
    const { echo, transport } = track(plug(bridge));
    await transport.open();
    const bytes = countingBytes(200);
    expect(await echoRoundTrip(transport, bytes)).toEqual(Array.from(bytes));
    expect(echo.received).toEqual(Array.from(bytes));
    expect(bridge.outputReports.map((r) => [r[0], r[1]])).toEqual([
      [0xfe, 60],
      [0xfe, 60],
      [0xfe, 60],
      [0xf4, 20],
    ]);
    expect(bridge.malformedOutputReports).toBe(0);
  });

  it('ignores the interrupt status report', async () => {
    const bridge = new FakeFt260();
    const { transport } = track(plug(bridge));
    await transport.open();
    const answer = receiveBytes(transport, 1);
    bridge.sendRawInputReport([0xb1, 0x01]);
    bridge.sendRawInputReport([0xf0, 1, 0x55, 0, 0, 0]);
    expect((await answer).bytes).toEqual([0x55]);
    expect(transport.ignoredReports).toBe(1);
  });

  it('reads the chip version every 4.8 s so the chip does not doze off and drop bytes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const bridge = new FakeFt260();
    const { transport } = track(plug(bridge));
    await transport.open();
    vi.advanceTimersByTime(4800 * 3);
    expect(bridge.featureReads).toEqual([0xa0, 0xa0, 0xa0]);
    await transport.close();
    vi.advanceTimersByTime(4800 * 3);
    expect(bridge.featureReads).toHaveLength(3);
  });

  it('notices an FT260 that went away when the keep-awake read fails', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const bridge = new FakeFt260();
    const { transport } = track(plug(bridge));
    await transport.open();
    const closed = closedAfter(transport, () => {
      bridge.unplug({ quietly: true });
      vi.advanceTimersByTime(4800);
    });
    expect((await closed).error?.message).toMatch(/could not get feature report/);
  });

  it('reports an unplugged FT260 as closed with the error', async () => {
    const bridge = new FakeFt260();
    const { transport } = track(plug(bridge));
    await transport.open();
    expect((await closedAfter(transport, () => bridge.unplug())).error).toBeInstanceOf(Error);
  });
});

describe('listHidBridges', () => {
  it('lists CP2110s and the UART interface of FT260s, for the technician', async () => {
    const hid = new FakeNodeHid(new FakeCp2110({ serialNumber: '00A1' }), new FakeFt260());
    const found = await listHidBridges({ loadHid: async () => hid, driverType: 'hidraw' });
    expect(found).toEqual([
      {
        bridge: 'cp2110',
        path: '/dev/hidraw0',
        vendorId: 0x10c4,
        productId: 0xea80,
        product: 'CP2110 HID USB-to-UART Bridge',
        serialNumber: '00A1',
        interface: 0,
      },
      {
        bridge: 'ft260',
        path: '/dev/hidraw1',
        vendorId: 0x0403,
        productId: 0x6030,
        product: 'FT260',
        serialNumber: '',
        interface: 1,
      },
    ]);
  });

  it('lists nothing when no bridge is plugged in', async () => {
    const bridge = new FakeCp2110();
    bridge.unplug();
    expect(await listHidBridges({ loadHid: async () => new FakeNodeHid(bridge) })).toEqual([]);
  });
});
