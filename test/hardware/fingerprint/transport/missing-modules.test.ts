import { describe, expect, it, vi } from 'vitest';
import { HidTransport, listHidBridges } from '../../../../hardware/fingerprint/transport/hid.js';
import { listSerialPorts, SerialTransport } from '../../../../hardware/fingerprint/transport/serial.js';

// What a kiosk without the native packages sees: a message that says which package and what to do.
vi.mock('node-hid', () => {
  throw new Error('libudev.so.1: cannot open shared object file: No such file or directory');
});
vi.mock('serialport', () => {
  throw new Error('No native build was found for platform=linux arch=arm');
});

describe('when the hardware libraries cannot be loaded', () => {
  it('says node-hid could not be loaded and what it needs', async () => {
    const opening = new HidTransport({ bridge: 'cp2110' }).open();
    await expect(opening).rejects.toThrow(/needs the node-hid package, which could not be loaded/);
    await expect(opening).rejects.toThrow(/libudev1/);
    await expect(listHidBridges()).rejects.toThrow(/node-hid package/);
  });

  it('says serialport could not be loaded', async () => {
    const opening = new SerialTransport({ path: '/dev/ttyUSB0' }).open();
    await expect(opening).rejects.toThrow(/needs the serialport package, which could not be loaded/);
  });

  it('still lists serial ports from /dev', async () => {
    await expect(listSerialPorts({ devRoot: '/nonexistent-dev' })).resolves.toEqual([]);
  });
});
