import { describe, expect, it } from 'vitest';
import { fenFromYuan, yuan } from '../../../kiosk-ui/src/staff/employment/money.js';
import { wholeNumber } from '../../../kiosk-ui/src/staff/employment/rule-words.js';

describe('yuan typed by staff → integer fen', () => {
  it('takes whole yuan and up to two decimals', () => {
    expect(fenFromYuan('12.75')).toBe(1275);
    expect(fenFromYuan('12.7')).toBe(1270);
    expect(fenFromYuan('12')).toBe(1200);
    expect(fenFromYuan('0.15')).toBe(15);
    expect(fenFromYuan(' 0.05 ')).toBe(5);
    // 0.29 × 100 is 28.999… in floating point; the text is split, never multiplied
    expect(fenFromYuan('0.29')).toBe(29);
    expect(fenFromYuan('1.1')).toBe(110);
  });

  it('refuses more decimals, signs, separators and empty text', () => {
    for (const text of ['0.123', '-1', '+1', '1,5', '1.', '.5', '', 'abc', '1e3', '123456']) expect(fenFromYuan(text), text).toBeNull();
  });

  it('formats fen back as yuan', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(1275)).toBe('12.75');
  });
});

describe('whole numbers in the minutes and pieces fields', () => {
  it('accepts digits within the range only', () => {
    expect(wholeNumber('75', 1, 1440)).toBe(75);
    expect(wholeNumber('0', 1, 1440)).toBeNull();
    expect(wholeNumber('1441', 1, 1440)).toBeNull();
    expect(wholeNumber('1.5', 0, 10)).toBeNull();
    expect(wholeNumber('-3', 0, 10)).toBeNull();
    expect(wholeNumber('', 0, 10)).toBeNull();
  });
});
