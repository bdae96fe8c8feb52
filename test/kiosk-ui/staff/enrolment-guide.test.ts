import { describe, expect, it } from 'vitest';
import type { EnrolmentState, EnrolmentStep } from '../../../edge-server/src/api-types.js';
import { translate, type MessageKey, type MessageParams } from '../../../kiosk-ui/src/i18n/catalogue.js';
import { EnrolmentGuide } from '../../../kiosk-ui/src/staff/enrolment-guide.js';
import { nextSuggestion } from '../../../kiosk-ui/src/staff/fingers.js';

const t = (key: MessageKey, params?: MessageParams): string => translate('zh-CN', key, params);
const base: EnrolmentState = {
  id: 'e1', memberId: 'm1', finger: 'right_index', status: 'pressing', progress: null, problem: null,
  failure: null, duplicateOf: null, test: null,
};
const pressing = (progress: EnrolmentStep): EnrolmentState => ({ ...base, progress });

/** Feeds states one by one and returns what the screen would show after each. */
function run(states: EnrolmentState[]) {
  const guide = new EnrolmentGuide();
  return states.map((s) => {
    guide.observe(s);
    return guide.words(t, '右手食指');
  });
}

describe('EnrolmentGuide', () => {
  it('asks for the finger, to lift it, and for the next press, counting presses done', () => {
    const [place, lift, again] = run([
      pressing({ step: 'place', press: 1, presses: 3 }),
      pressing({ step: 'lift', press: 1, presses: 3 }),
      pressing({ step: 'place', press: 2, presses: 3 }),
    ]);
    expect(place).toMatchObject({ instruction: '请把手指放在指纹器上', advice: null, counter: { press: 1, presses: 3, done: 0 } });
    expect(lift).toMatchObject({ instruction: '请抬起手指', counter: { press: 1, done: 1 } });
    expect(again).toMatchObject({ instruction: '再按一次', counter: { press: 2, done: 1 } });
    expect(new Set([place!.key, lift!.key, again!.key]).size, 'each step is said').toBe(3);
  });

  it('keeps the advice for a repeated press up (said once) until a press succeeds', () => {
    const [retry, placeAgain, lift] = run([
      pressing({ step: 'retry', press: 2, presses: 3, problem: 'few_features' }),
      pressing({ step: 'place', press: 2, presses: 3 }),
      pressing({ step: 'lift', press: 2, presses: 3 }),
    ]);
    expect(retry).toMatchObject({ instruction: '再按一次', advice: '手指有点干，可以哈一口气再按，按平一些。' });
    expect(retry!.spoken).toBe('手指有点干，可以哈一口气再按，按平一些。 再按一次');
    expect(placeAgain!.advice).toBe(retry!.advice);
    expect(placeAgain!.key, 'the "place" right after a retry is not said again').toBe(retry!.key);
    expect(lift!.advice).toBeNull();
  });

  it('shows the advice from the state when polling skipped the retry step itself', () => {
    const [placeAgain] = run([{ ...pressing({ step: 'place', press: 1, presses: 3 }), problem: 'messy_image' }]);
    expect(placeAgain).toMatchObject({ instruction: '再按一次', advice: expect.stringContaining('擦') });
  });

  it('says the same advice again when the same problem happens twice', () => {
    const [first, , second] = run([
      pressing({ step: 'retry', press: 1, presses: 3, problem: 'messy_image' }),
      pressing({ step: 'place', press: 1, presses: 3 }),
      pressing({ step: 'retry', press: 1, presses: 3, problem: 'messy_image' }),
    ]);
    expect(second!.advice).toBe('请擦一下指纹器玻璃，手指保持不动。');
    expect(second!.key).not.toBe(first!.key);
  });

  it('after a mismatch starts over with advice to use the same finger in the same place', () => {
    const [, restart] = run([
      pressing({ step: 'retry', press: 2, presses: 3, problem: 'mismatch' }),
      pressing({ step: 'place', press: 1, presses: 3 }),
    ]);
    expect(restart).toMatchObject({ instruction: '再按一次', advice: '请用同一根手指，放在同一个位置。', counter: { press: 1, done: 0 } });
  });

  it('asks for a test press, and again after no match; then reports success', () => {
    const [waiting, noMatch, noMatchAgain, done] = run([
      { ...base, status: 'testing', test: 'waiting' },
      { ...base, status: 'testing', test: 'no_match' },
      { ...base, status: 'testing', test: 'no_match' },
      { ...base, status: 'done', test: 'matched' },
    ]);
    expect(waiting!.instruction).toBe('再按一次试试');
    expect(noMatch!.instruction).toBe('没有认出来，请再按一次试试');
    expect(noMatchAgain!.key, 'a second miss is said again').not.toBe(noMatch!.key);
    expect(done).toMatchObject({ instruction: '登记成功：右手食指', detail: '测试通过，可以用这根手指签到了。' });
    expect(done!.spoken).toBe('登记成功：右手食指。测试通过，可以用这根手指签到了。');
  });

  it('names whose finger a duplicate is, and says what to do next for every failure', () => {
    const words = (s: Partial<EnrolmentState>) => run([{ ...base, status: 'failed', ...s }])[0]!.detail;
    expect(words({ failure: 'duplicate', duplicateOf: '张伟' })).toBe('这根手指已经登记给 张伟。请换一根手指。');
    expect(words({ failure: 'duplicate' })).toBe('这根手指已经登记过了。请换一根手指。');
    expect(words({ failure: 'too_many_retries' })).toBe('可以换一根手指，或以后再试，先用卡片。');
    expect(words({ failure: 'bad_slot' })).toBe(t('failure.store_failed'));
    for (const failure of ['timeout', 'reader_unavailable', 'store_failed'] as const) expect(words({ failure })).toBeTruthy();
  });
});

describe('nextSuggestion', () => {
  it('suggests the index fingers first, and nothing once two fingers are enrolled', () => {
    expect(nextSuggestion([])).toBe('right_index');
    expect(nextSuggestion(['right_index'])).toBe('left_index');
    expect(nextSuggestion(['left_index'])).toBe('right_index');
    expect(nextSuggestion(['right_index', 'right_middle'])).toBeNull();
  });
});
