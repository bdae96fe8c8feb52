import { describe, expect, it } from 'vitest';
import { advance, startReader, useFakeTime } from './reader-rig.js';

const genImgs = (received: string[]) => received.filter((c) => c === 'GenImg').length;

describe('R30xReader identification', () => {
  useFakeTime();

  it('reports an enrolled finger with its slot, score and time', async () => {
    const { module, reader, identified } = await startReader({ module: { matchScore: 150 } });
    const placedAt = Date.now();
    module.placeFinger('alice');
    await advance(300);
    expect(identified).toEqual([{ slot: 7, score: 150, at: expect.any(Number) }]);
    expect(identified[0]!.at - placedAt).toBeLessThanOrEqual(300);
    await reader.stop();
  });

  it('reports an unknown finger as no match (slot null, score 0)', async () => {
    const { module, reader, identified } = await startReader();
    module.placeFinger('mallory');
    await advance(300);
    expect(identified).toMatchObject([{ slot: null, score: 0 }]);
    await reader.stop();
  });

  it('gives one event per touch, however long the finger stays', async () => {
    const { module, reader, identified } = await startReader();
    module.placeFinger('alice');
    await advance(10_000);
    expect(identified).toHaveLength(1);
    module.liftFinger();
    await advance(500);
    module.placeFinger('alice');
    await advance(500);
    expect(identified.map((i) => i.slot)).toEqual([7, 7]);
    await reader.stop();
  });

  it('after a few unusable images in one touch, says not recognised once instead of staying silent', async () => {
    const { module, reader, identified } = await startReader({ reader: { badImagesPerTouch: 3 } });
    module.placeFinger('alice', 'messy');
    await advance(5_000);
    expect(identified).toMatchObject([{ slot: null, score: 0 }]);
    await reader.stop();
  });

  it('tries again on a smudged image and reports the finger once a good image comes', async () => {
    const { module, reader, identified } = await startReader({ reader: { badImagesPerTouch: 3 } });
    module.placeFinger('alice', 'few_features');
    await advance(300);
    module.placeFinger('alice', 'good');
    await advance(300);
    expect(identified).toMatchObject([{ slot: 7 }]);
    await reader.stop();
  });

  it('polls GenImg at the configured rate while the glass is empty', async () => {
    const { module, reader } = await startReader({ reader: { pollIntervalMs: 500 } });
    const before = genImgs(module.received);
    await advance(10_000);
    expect(genImgs(module.received) - before).toBeLessThanOrEqual(10_000 / 500 + 1);
    expect(genImgs(module.received) - before).toBeGreaterThanOrEqual(10_000 / 500 - 1);
    await reader.stop();
  });

  it('keeps identifying through answers with bad checksums and noise', async () => {
    const { module, reader, identified, health } = await startReader();
    module.corruptNextAnswers(1);
    module.prependGarbage(Uint8Array.of(0xef, 0x01, 0xff));
    module.placeFinger('alice');
    await advance(3_000);
    expect(identified).toMatchObject([{ slot: 7 }]);
    expect(health).toEqual(['ok']);
    expect(reader.diagnostics()?.parser.checksumErrors).toBe(1);
    await reader.stop();
  });

  describe('with a touch line', () => {
    function touchLine() {
      const listeners = new Set<() => void>();
      return {
        onTouch(listener: () => void) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        touch: () => listeners.forEach((l) => l()),
        get listeners() {
          return listeners.size;
        },
      };
    }

    it('sends nothing to the module until a touch', async () => {
      const line = touchLine();
      const { module, reader } = await startReader({ reader: { touchLine: line } });
      const before = module.received.length;
      await advance(60_000);
      expect(module.received.length).toBe(before);
      await reader.stop();
    });

    it('identifies on a touch, then stops polling once the finger is lifted', async () => {
      const line = touchLine();
      const { module, reader, identified } = await startReader({ reader: { touchLine: line } });
      module.placeFinger('alice');
      line.touch();
      await advance(1_000);
      expect(identified).toMatchObject([{ slot: 7 }]);
      module.liftFinger();
      await advance(1_000);
      const after = module.received.length;
      await advance(60_000);
      expect(module.received.length).toBe(after);
      await reader.stop();
      expect(line.listeners).toBe(0);
    });

    it('polls only for the touch window when a touch brings no finger', async () => {
      const line = touchLine();
      const { module, reader, identified } = await startReader({ reader: { touchLine: line, touchWindowMs: 2_000, pollIntervalMs: 250 } });
      line.touch();
      await advance(10_000);
      expect(genImgs(module.received)).toBeLessThanOrEqual(2_000 / 250 + 2);
      expect(identified).toEqual([]);
      await reader.stop();
    });

    it('gives one event for a touch even if the line bounces', async () => {
      const line = touchLine();
      const { module, reader, identified } = await startReader({ reader: { touchLine: line } });
      module.placeFinger('alice');
      line.touch();
      line.touch();
      await advance(300);
      line.touch();
      await advance(3_000);
      expect(identified).toHaveLength(1);
      await reader.stop();
    });
  });
});
