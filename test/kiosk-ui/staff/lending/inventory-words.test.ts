import { describe, expect, it } from 'vitest';
import type { ItemStatus } from '../../../../edge-server/src/api-types.js';
import { manualFrom, type ManualStatus } from '../../../../edge-server/src/domain/lending/manual-status.js';
import { ApiFailure } from '../../../../kiosk-ui/src/api/client.js';
import { manualChoices } from '../../../../kiosk-ui/src/api/lending-inventory.js';
import { ITEM_STATUSES } from '../../../../kiosk-ui/src/components/device-kinds.js';
import { I18nController } from '../../../../kiosk-ui/src/controllers/i18n-controller.js';
import { explainFailure } from '../../../../kiosk-ui/src/staff/lending/inventory/error-words.js';
import { problemField, problemWords } from '../../../../kiosk-ui/src/staff/lending/inventory/import-words.js';
import { reasonWords } from '../../../../kiosk-ui/src/staff/lending/inventory/item-words.js';

/** The catalogue in zh-CN, as a staff screen has it (no element needed). */
const i18n = new I18nController({
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
});

describe('the inventory screens in words', () => {
  it('offers for each status exactly the manual changes the server allows', () => {
    const allowed = (status: ItemStatus): ManualStatus[] =>
      (['maintenance', 'available', 'retired'] as const).filter((to) => manualFrom(to).includes(status));
    for (const status of ITEM_STATUSES) expect(manualChoices(status), status).toEqual(allowed(status));
    expect(manualChoices('on_loan')).toEqual([]);
    expect(manualChoices('maintenance')).toEqual(['available', 'retired']);
  });

  it("says the server's state-change reasons in words and keeps staff's own reason as they wrote it", () => {
    expect(reasonWords(i18n, 'registered')).toBe('登记');
    expect(reasonWords(i18n, 'cleaned')).toBe('清洁完成');
    expect(reasonWords(i18n, 'manual: 脚踏松动')).toBe('手动更改：脚踏松动');
    expect(reasonWords(i18n, 'something_new')).toBe('something_new');
  });

  it('names an import problem by its column and says what to fix from its code, falling back to the server’s sentence', () => {
    expect(problemField(i18n, 'condition')).toBe('成色 (condition)');
    expect(problemField(i18n, null)).toBe('整个文件');
    expect(problemField(i18n, 'colour')).toBe('colour');
    expect(problemWords(i18n, { line: 3, field: 'catalogue', code: 'unknown_catalogue', message: 'No catalogue entry is named x' }))
      .toBe('目录里没有这个条目，请先在辅具目录里新增');
    expect(problemWords(i18n, { line: 3, field: null, code: 'brand_new_code', message: 'Something the UI has no words for' }))
      .toBe('Something the UI has no words for');
  });

  it('explains a refused call by its stable code, and anything else as "not saved, try again"', () => {
    expect(explainFailure(i18n, new ApiFailure(409, 'tag_taken', 'taken', {}))).toBe('这个标签号已经登记过了，请换一个');
    expect(explainFailure(i18n, new ApiFailure(500, 'internal', 'boom', {}))).toBe('没有保存，请再试一次');
    expect(explainFailure(i18n, new Error('network down'))).toBe('没有保存，请再试一次');
  });
});
