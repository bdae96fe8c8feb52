/**
 * The lending inventory parts of staff mode (辅具清单, 辅具目录, 打印标签, 导入, 盘点) against the bar: axe
 * (target-size on) and 7:1 text contrast in every part and state, in zh-CN and en and in high contrast;
 * staff target floors (≥ 44 px, 8 px apart) and reflow at 1280×800 and at 640×400 (200 % zoom); an
 * item found and its status changed by keyboard alone with a visible focus.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey, type MessageParams } from '../../../kiosk-ui/src/i18n/catalogue.js';
import { VIEWPORT_LANDSCAPE, clickByName, enterStaffMode, focusedElement, startKiosk, staffApi, waitForText, type KioskHarness } from '../harness.js';
import { addEntry, deep, itemByTag, registerItem } from '../lending-inventory-support.js';
import { STAFF_SCREEN_CONFIGS, checkStaffScreen, freshIdle, pressKey, printServerLogOnFailure } from './a11y-support.js';
import { expectVisibleFocus } from './focus.js';

let h: KioskHarness;
let page: Page;
let entryId = '';

beforeAll(async () => {
  h = await startKiosk();
  const staff = await staffApi(h.server);
  const entry = await addEntry(staff, '手动轮椅（无障碍测试）');
  entryId = entry.id;
  // one item with both flags: its service is due and its service life is over
  await registerItem(staff, entry.id, 'AX-0001', { acquiredOn: '2010-01-01', nextServiceOn: '2020-01-01', serial: 'SN-AX1' });
  for (let n = 2; n <= 4; n++) await registerItem(staff, entry.id, `AX-000${n}`);
  page = await h.openPage();
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);

describe.each(STAFF_SCREEN_CONFIGS)('lending inventory parts ($label)', ({ lang, viewport, label }) => {
  const t = (key: MessageKey, params?: MessageParams): string => translate(lang as Lang, key, params);
  const check = (state: string): Promise<void> =>
    checkStaffScreen(page, `${state} (${label})`, { highContrast: lang === 'zh-CN' && viewport === VIEWPORT_LANDSCAPE });

  async function inPart(part: MessageKey): Promise<void> {
    await page.setViewport(viewport);
    await freshIdle(h, page, lang);
    await enterStaffMode(h, page, t('staff.manage'));
    await clickByName(page, t('mode.lending'));
    await clickByName(page, t(part));
  }

  it('items: the list with flags, an item with its status and maintenance forms and their errors, the register form', async () => {
    await inPart('lending.part.items');
    await waitForText(page, t('lendingInventory.flag.pastLife'));
    await check('items list');

    await clickByName(page, t('lendingInventory.items.open', { tag: 'AX-0001' }));
    await waitForText(page, t('lendingInventory.item.heading', { name: '手动轮椅（无障碍测试）', tag: 'AX-0001' }));
    await page.waitForSelector('kiosk-app >>> kiosk-lending-item-detail >>> [data-history]', { visible: true });
    await check('item detail');
    await clickByName(page, t('lendingInventory.status.change'));
    await clickByName(page, t('lendingInventory.status.save'));
    await waitForText(page, t('lendingInventory.status.needTo'));
    await check('item, status form with an error');
    await clickByName(page, t('lendingInventory.maintenance.open'));
    await clickByName(page, t('lendingInventory.maintenance.save'));
    await waitForText(page, t('lendingInventory.maintenance.needDescription'));
    await check('item, maintenance form with an error');

    await clickByName(page, t('lendingInventory.item.backToList'));
    await clickByName(page, t('lendingInventory.register.open'));
    await clickByName(page, t('lendingInventory.register.save'));
    await waitForText(page, t('lendingInventory.register.needTag'));
    await check('register form with an error');
  });

  it('catalogue: the entries with counts, the entry form with an error, retiring asked', async () => {
    await inPart('lending.part.catalogue');
    await waitForText(page, t('lendingInventory.catalogue.waiting', { count: 0 }));
    await check('catalogue');
    await clickByName(page, t('lendingInventory.catalogue.add'));
    await page.waitForSelector('kiosk-app >>> kiosk-lending-catalogue-form >>> input[name="check"]', { visible: true });
    await clickByName(page, t('lendingInventory.catalogue.save'));
    await waitForText(page, t('lendingInventory.catalogue.needName'));
    await check('catalogue, new entry form with an error');
    await clickByName(page, t('lendingInventory.catalogue.retire', { name: '手动轮椅（无障碍测试）' }));
    await waitForText(page, t('lendingInventory.catalogue.retireConfirm', { name: '手动轮椅（无障碍测试）' }));
    await check('catalogue, retiring asked');
  });

  it('labels, import and stocktake in their states', async () => {
    await inPart('lending.part.labels');
    await page.waitForSelector('kiosk-app >>> kiosk-lending-labels >>> input[name="pick-item"]', { visible: true });
    await check('labels, choosing');
    await page.select('kiosk-app >>> kiosk-lending-labels >>> select[name="label-entry"]', entryId);
    await clickByName(page, t('lendingInventory.labels.makeEntry'));
    await page.waitForSelector('kiosk-app >>> kiosk-lending-labels >>> li.label img', { visible: true });
    await check('labels page');

    await clickByName(page, t('lending.part.import'));
    const box = await deep(page, 'kiosk-lending-import >>> [name="csv-text"]');
    await box.evaluate((el) => {
      (el as HTMLTextAreaElement).value = 'tag_code,catalogue,condition\nAX-0001,没有,很好\n';
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    });
    await clickByName(page, t('lendingInventory.import.check'));
    await page.waitForSelector('kiosk-app >>> kiosk-lending-import >>> table', { visible: true });
    await check('import, problems listed');

    await clickByName(page, t('lending.part.stocktake'));
    await check('stocktake, not started');
    await clickByName(page, t('lendingInventory.stocktake.start'));
    await deep(page, 'kiosk-lending-stocktake >>> input[name="scan"]');
    await page.keyboard.type('AX-0002');
    await page.keyboard.press('Enter');
    await waitForText(page, t('lendingInventory.stocktake.ok', { tag: 'AX-0002', name: '手动轮椅（无障碍测试）' }));
    await check('stocktake, scanning');
    await clickByName(page, t('lendingInventory.stocktake.finish'));
    await page.waitForSelector('kiosk-app >>> kiosk-lending-stocktake >>> [data-stocktake="finished"]', { visible: true });
    await check('stocktake, finished with the missing list');
  });
});

describe('keyboard alone', () => {
  /** Tab until the focused control reads `text` (at most `limit` presses). */
  async function tabTo(text: string, limit = 40): Promise<void> {
    for (let i = 0; i < limit; i++) {
      const f = await focusedElement(page);
      if (f.text === text || f.label === text) return;
      await pressKey(page, 'Tab');
    }
    throw new Error(`Tab never reached '${text}'`);
  }

  it('opens an item by its tag and sends it to maintenance with Tab, Space, typing and Enter, then Escape back to the list; the focus is always visible', async () => {
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page);
    await enterStaffMode(h, page);
    await clickByName(page, '辅具借用');
    await clickByName(page, '辅具清单');
    const search = await deep(page, 'kiosk-lending-items >>> kiosk-lending-item-list >>> input[name="item-search"]');
    await search.focus();
    await expectVisibleFocus(page, 'search field');
    await page.keyboard.type('AX-0003');
    await pressKey(page, 'Enter');
    await waitForText(page, '手动轮椅（无障碍测试） · AX-0003');
    await tabTo('更改状态');
    await expectVisibleFocus(page, 'change status');
    await pressKey(page, 'Enter'); // the form opens with the focus on its first choice, 维修中
    await pressKey(page, 'Space');
    await expectVisibleFocus(page, 'status choice');
    await pressKey(page, 'Tab'); // the reason
    await page.keyboard.type('键盘测试');
    await expectVisibleFocus(page, 'reason');
    await tabTo('保存状态');
    await expectVisibleFocus(page, 'save');
    await pressKey(page, 'Enter');
    await waitForText(page, 'AX-0003 已改为维修中');
    const staff = await staffApi(h.server);
    expect((await itemByTag(staff, 'AX-0003')).status).toBe('maintenance');
    // the focus stays in the item; Escape goes back to the list, ready for the next scan
    await expectVisibleFocus(page, 'after saving');
    await pressKey(page, 'Escape');
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('name') === 'item-search';
    });
    await expectVisibleFocus(page, 'search field again');
  });
});
