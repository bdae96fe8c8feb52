import { afterEach, describe, expect, it } from 'vitest';
import * as command from '../../../../hardware/fingerprint/protocol/commands.js';
import { Confirmation } from '../../../../hardware/fingerprint/protocol/instructions.js';
import { commandPacket, Pid, type Packet } from '../../../../hardware/fingerprint/protocol/packet.js';
import { PacketParser } from '../../../../hardware/fingerprint/protocol/parser.js';
import { decodeSearch, decodeSystemParameters } from '../../../../hardware/fingerprint/protocol/responses.js';
import { HidTransport } from '../../../../hardware/fingerprint/transport/hid.js';
import { SerialTransport } from '../../../../hardware/fingerprint/transport/serial.js';
import type { ByteTransport } from '../../../../hardware/fingerprint/transport/transport.js';
import { FakeCp2110, FakeFt260, FakeNodeHid, type FakeBridge } from '../../../support/fingerprint/fake-hid.js';
import { MockSerialLine } from '../../../support/fingerprint/mock-serial.js';
import { R30xEmulator } from '../../../support/fingerprint/r30x-emulator.js';
import { closedAfter } from '../../../support/fingerprint/transport-events.js';

// Real R30x packets from the module emulator through each transport and its fake hardware: the bytes
// the driver will exchange in the field, cut into bridge reports and serial reads along the way.

interface Rig {
  transport: ByteTransport;
  module: R30xEmulator;
  unplug(): void;
  replug(): void;
}

function hidRig(bridge: FakeBridge): Rig {
  const module = new R30xEmulator({ capacity: 200 });
  bridge.attach(module);
  const hid = new FakeNodeHid(bridge);
  const transport = new HidTransport({ bridge: bridge.kind, loadHid: async () => hid });
  return { transport, module, unplug: () => bridge.unplug(), replug: () => bridge.replug() };
}

const rigs: Record<string, () => Rig> = {
  'a CP2110 HID bridge': () => hidRig(new FakeCp2110({ seed: 3 })),
  'an FT260 HID bridge': () => hidRig(new FakeFt260({ seed: 5 })),
  'a serial port': () => {
    const module = new R30xEmulator({ capacity: 200 });
    const line = new MockSerialLine('/dev/serial0');
    line.attach(module);
    const transport = new SerialTransport({ path: '/dev/serial0', binding: line.binding });
    return { transport, module, unplug: () => line.unplug(), replug: () => line.replug() };
  },
};

/** Sends one command packet and resolves with the first whole packet that comes back. */
async function ask(transport: ByteTransport, { instruction, params }: command.Command): Promise<Packet> {
  const parser = new PacketParser();
  const answer = new Promise<Packet>((resolve) => {
    const off = transport.events.on('data', (bytes) => {
      const [packet] = parser.push(bytes);
      if (packet) {
        off();
        resolve(packet);
      }
    });
  });
  await transport.write(commandPacket(instruction, params));
  return answer;
}

const open: ByteTransport[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

describe.each(Object.entries(rigs))('an R30x module behind %s', (_, makeRig) => {
  async function start(): Promise<Rig> {
    const rig = makeRig();
    await rig.transport.open();
    open.push(rig.transport);
    return rig;
  }

  it('answers ReadSysPara with its library size and security level', async () => {
    const { transport, module } = await start();
    const answer = await ask(transport, command.readSysPara());
    expect(answer.pid).toBe(Pid.ack);
    expect(answer.payload[0]).toBe(Confirmation.ok);
    expect(decodeSystemParameters(answer.payload.subarray(1))).toMatchObject({ librarySize: 200, securityLevel: 3 });
    expect(module.received).toEqual(['ReadSysPara']);
  });

  it('answers GenImg with 02 while no finger is on the glass', async () => {
    const { transport } = await start();
    const answer = await ask(transport, command.genImg());
    expect(answer.payload[0]).toBe(Confirmation.no_finger);
  });

  it('identifies a placed finger: GenImg, Img2Tz(1), Search finds slot 7', async () => {
    const { transport, module } = await start();
    module.setTemplate(7, 'alice');
    module.placeFinger('alice');
    expect((await ask(transport, command.genImg())).payload[0]).toBe(Confirmation.ok);
    expect((await ask(transport, command.img2Tz(1))).payload[0]).toBe(Confirmation.ok);
    const found = await ask(transport, command.search(1, 0, 200));
    expect(found.payload[0]).toBe(Confirmation.ok);
    expect(decodeSearch(found.payload.subarray(1))).toEqual({ page: 7, score: 120 });
  });

  it('reports the unplug, then talks to the module again after the replug', async () => {
    const { transport, unplug, replug } = await start();
    const { error } = await closedAfter(transport, unplug);
    expect(error).toBeInstanceOf(Error);
    replug();
    await transport.open();
    expect((await ask(transport, command.readSysPara())).payload[0]).toBe(Confirmation.ok);
  });
});
