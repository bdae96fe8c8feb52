import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSerialPorts, SerialTransport } from '../../../../hardware/fingerprint/transport/serial.js';
import { TransportAbsentError } from '../../../../hardware/fingerprint/transport/transport.js';
import { EchoDevice } from '../../../support/fingerprint/byte-device.js';
import { MockSerialLine } from '../../../support/fingerprint/mock-serial.js';
import { closedAfter, countingBytes, echoRoundTrip, receiveBytes } from '../../../support/fingerprint/transport-events.js';

const transports: SerialTransport[] = [];

function plug(path = '/dev/ttyUSB0') {
  const line = new MockSerialLine(path);
  const echo = new EchoDevice();
  line.attach(echo);
  const transport = new SerialTransport({ path, binding: line.binding });
  transports.push(transport);
  return { line, echo, transport };
}

afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
});

describe('SerialTransport', () => {
  it('opens the port at 57600 8N1 without flow control', async () => {
    const { line, transport } = plug();
    await transport.open();
    expect(line.lastOpenOptions).toMatchObject({
      path: '/dev/ttyUSB0',
      baudRate: 57600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      rtscts: false,
      xon: false,
      xoff: false,
    });
    expect(transport.description).toBe('serial /dev/ttyUSB0 57600');
  });

  it('carries a packet to the device and the answer back', async () => {
    const { echo, transport } = plug();
    await transport.open();
    const genImg = Uint8Array.of(0xef, 0x01, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x03, 0x01, 0x00, 0x05);
    expect(await echoRoundTrip(transport, genImg)).toEqual(Array.from(genImg));
    expect(echo.received).toEqual(Array.from(genImg));
  });

  it('carries a big write intact and in order', async () => {
    const { echo, transport } = plug();
    await transport.open();
    const bytes = countingBytes(4000);
    const answer = receiveBytes(transport, bytes.length);
    await Promise.all([transport.write(bytes.subarray(0, 1500)), transport.write(bytes.subarray(1500))]);
    expect((await answer).bytes).toEqual(Array.from(bytes));
    expect(echo.received).toEqual(Array.from(bytes));
  });

  it('reports an unplugged adapter as closed with the disconnect error', async () => {
    const { line, transport } = plug();
    await transport.open();
    const { error } = await closedAfter(transport, () => line.unplug());
    expect(error?.message).toMatch(/EIO/);
    expect((error as Error & { disconnected?: boolean }).disconnected).toBe(true);
    await expect(transport.write(Uint8Array.of(1))).rejects.toThrow(/not open/);
  });

  it('opens again once the adapter is back', async () => {
    const { line, transport } = plug();
    await transport.open();
    await closedAfter(transport, () => line.unplug());
    await expect(transport.open()).rejects.toBeInstanceOf(TransportAbsentError);
    line.replug();
    await transport.open();
    expect(await echoRoundTrip(transport, Uint8Array.of(4, 2))).toEqual([4, 2]);
  });

  it('says the port is absent when the path does not exist', async () => {
    const line = new MockSerialLine('/dev/ttyUSB0');
    const transport = new SerialTransport({ path: '/dev/ttyUSB3', binding: line.binding });
    const opening = transport.open();
    await expect(opening).rejects.toBeInstanceOf(TransportAbsentError);
    await expect(opening).rejects.toThrow(/No serial port at \/dev\/ttyUSB3/);
  });

  it('explains a permission error with the dialout group and the udev rule', async () => {
    const { line, transport } = plug();
    line.permissionDenied = true;
    const opening = transport.open();
    await expect(opening).rejects.not.toBeInstanceOf(TransportAbsentError);
    await expect(opening).rejects.toThrow(/dialout group/);
    await expect(opening).rejects.toThrow(/udev rule/);
  });

  it('emits closed with no error when asked to close, once', async () => {
    const { line, transport } = plug();
    await transport.open();
    const events: Array<Error | null> = [];
    transport.events.on('closed', ({ error }) => events.push(error));
    await transport.close();
    await transport.close();
    expect(events).toEqual([null]);
    expect(line.isOpen).toBe(false);
  });
});

describe('listSerialPorts', () => {
  let devRoot: string | null = null;
  afterEach(async () => {
    if (devRoot) await rm(devRoot, { recursive: true, force: true });
    devRoot = null;
  });

  it('lists what serialport finds', async () => {
    const ports = await listSerialPorts({
      list: async () => [
        {
          path: '/dev/ttyUSB0',
          manufacturer: '1a86',
          serialNumber: undefined,
          pnpId: 'usb-1a86_USB_Serial-if00-port0',
          locationId: undefined,
          vendorId: '1a86',
          productId: '7523',
        },
      ],
    });
    expect(ports).toEqual([{ path: '/dev/ttyUSB0', manufacturer: '1a86', vendorId: '1a86', productId: '7523' }]);
  });

  it('falls back to the /dev names when serialport cannot list (no udevadm)', async () => {
    devRoot = await mkdtemp(join(tmpdir(), 'dev-'));
    await mkdir(join(devRoot, 'serial', 'by-id'), { recursive: true });
    for (const name of ['ttyUSB0', 'ttyACM1', 'ttyAMA0', 'serial0', 'tty1', 'console', 'ttyS0']) {
      await writeFile(join(devRoot, name), '');
    }
    await symlink('../../ttyUSB0', join(devRoot, 'serial', 'by-id', 'usb-1a86_USB_Serial-if00-port0'));
    const ports = await listSerialPorts({
      list: () => Promise.reject(new Error('spawn udevadm ENOENT')),
      devRoot,
    });
    expect(ports).toEqual([
      { path: join(devRoot, 'serial/by-id/usb-1a86_USB_Serial-if00-port0'), target: join(devRoot, 'ttyUSB0') },
      { path: join(devRoot, 'serial0') },
      { path: join(devRoot, 'ttyACM1') },
      { path: join(devRoot, 'ttyAMA0') },
      { path: join(devRoot, 'ttyUSB0') },
    ]);
  });

  it('lists nothing when /dev has no candidates', async () => {
    devRoot = await mkdtemp(join(tmpdir(), 'dev-'));
    expect(await listSerialPorts({ list: () => Promise.reject(new Error('no udev')), devRoot })).toEqual([]);
  });
});
