/**
 * `npx tsx bench/fingerprint.bench.ts`: what the fingerprint driver costs on the CPU, apart from the
 * sensor. (1) PacketParser throughput on a long stream of mixed packets, 1 % of them damaged, read in
 * UART-sized and large chunks. (2) The driver's own time per identify (GenImg → Img2Tz → Search)
 * against the module emulator answering at once over the in-memory loopback: an upper bound on the
 * driver's overhead, since it includes the emulator's parsing and search. Numbers go into the issue
 * note, never into tests.
 */
import { performance } from 'node:perf_hooks';
import { encodePacket, MAX_PAYLOAD, Pid } from '../hardware/fingerprint/protocol/packet.js';
import { PacketParser } from '../hardware/fingerprint/protocol/parser.js';
import { R30xModule } from '../hardware/fingerprint/r30x/module.js';
import { LoopbackCable } from '../test/support/fingerprint/loopback-transport.js';
import { R30xEmulator } from '../test/support/fingerprint/r30x-emulator.js';
import { randomInt, seededRandom } from '../test/support/fingerprint/random.js';
import { percentile } from './support/stats.js';

const STREAM_MB = 32;
const CORRUPT_SHARE = 0.01;
const IDENTIFIES = 20_000;

/** A stream of acknowledgements and data packets like a busy link carries, with some damaged. */
function mixedStream(bytes: number, random: () => number): { stream: Uint8Array; packets: number; damaged: number } {
  const sizes = [1, 1, 1, 5, 17, 33, 128, MAX_PAYLOAD]; // ack, ack, ack, Search, ReadSysPara, ReadIndexTable, data
  const out = new Uint8Array(bytes);
  let at = 0;
  let packets = 0;
  let damaged = 0;
  for (;;) {
    const size = sizes[randomInt(random, 0, sizes.length - 1)]!;
    const payload = Uint8Array.from({ length: size }, () => randomInt(random, 0, 255));
    const packet = encodePacket({ address: 0xffffffff, pid: size > 33 ? Pid.data : Pid.ack, payload });
    if (at + packet.length > bytes) break;
    if (random() < CORRUPT_SHARE) {
      packet[randomInt(random, 0, packet.length - 1)]! ^= 1 << randomInt(random, 0, 7);
      damaged++;
    }
    out.set(packet, at);
    at += packet.length;
    packets++;
  }
  return { stream: out.subarray(0, at), packets, damaged };
}

function parseThroughput(stream: Uint8Array, chunk: number): { mbPerSec: number; parser: PacketParser } {
  const parser = new PacketParser();
  const started = performance.now();
  for (let at = 0; at < stream.length; at += chunk) parser.push(stream.subarray(at, at + chunk));
  const seconds = (performance.now() - started) / 1000;
  return { mbPerSec: stream.length / 1e6 / seconds, parser };
}

async function identifyOverhead(): Promise<{ mean: number; p50: number; p99: number; perSec: number }> {
  const templates = Array.from({ length: 500 }, (_, i) => [i * 2, `member-${i}`] as const);
  const emulator = new R30xEmulator({ capacity: 1000, templates });
  const module = new R30xModule({ transport: new LoopbackCable(emulator).transport() });
  await module.open();
  await module.readSystemParameters();
  emulator.placeFinger('member-400'); // slot 800: Search walks most of the library
  for (let i = 0; i < 2_000; i++) await module.identify(); // warm-up
  const micros: number[] = [];
  for (let i = 0; i < IDENTIFIES; i++) {
    const started = performance.now();
    const hit = await module.identify();
    micros.push((performance.now() - started) * 1000);
    if (hit === null || hit === 'no_finger' || hit.slot !== 800) throw new Error(`identify found ${JSON.stringify(hit)}`);
  }
  await module.close();
  const sorted = [...micros].sort((a, b) => a - b);
  const mean = micros.reduce((s, x) => s + x, 0) / micros.length;
  return { mean, p50: percentile(sorted, 50), p99: percentile(sorted, 99), perSec: 1e6 / mean };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

const { stream, packets, damaged } = mixedStream(STREAM_MB * 1024 * 1024, seededRandom(2024));
console.log(`parser: ${fmt(stream.length / 1e6)} MB, ${packets} packets, ${damaged} damaged (${fmt((100 * damaged) / packets, 2)} %)`);
parseThroughput(stream.subarray(0, 4 * 1024 * 1024), 4096); // warm-up
for (const chunk of [64, 4096]) {
  const { mbPerSec, parser } = parseThroughput(stream, chunk);
  const s = parser.stats;
  console.log(
    `  chunks of ${String(chunk).padStart(4)} B: ${fmt(mbPerSec)} MB/s; delivered ${s.packets}, ` +
      `checksum errors ${s.checksumErrors}, truncated ${s.truncated}, oversize ${s.oversize}, garbage ${s.garbageBytes} B`,
  );
}

const identify = await identifyOverhead();
console.log(
  `identify over loopback (emulator answers at once; ${IDENTIFIES} runs): mean ${fmt(identify.mean)} µs, ` +
    `p50 ${fmt(identify.p50)} µs, p99 ${fmt(identify.p99)} µs (${Math.round(identify.perSec)} per second)`,
);
