import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueEntry, Item, ItemHistory } from '../../edge-server/src/api-types.js';
import { clickByName, enterStaffMode, startKiosk, staffApi, waitForText, type KioskHarness, type StaffApi } from './harness.js';
import { addEntry, centreToday, choices, choose, deep, entries, itemByTag, registerItem, retype, setDate } from './lending-inventory-support.js';

/** Staff mode → 辅具借用: the inventory parts (items, catalogue, labels, import, stocktake) against the real server. */
describe('staff: lending inventory', () => {
  let h: KioskHarness;
  let page: Page;
  let staff: StaffApi;
  let chairs: CatalogueEntry;
  let crutches: CatalogueEntry;
  let chair: Item;
  let spare: Item;

  beforeAll(async () => {
    h = await startKiosk();
    staff = await staffApi(h.server);
    chairs = await addEntry(staff, '手动轮椅（测试）');
    chair = await registerItem(staff, chairs.id, 'LC-0001', { serial: 'SN-778' });
    spare = await registerItem(staff, chairs.id, 'LC-0002');
    crutches = await addEntry(staff, '腋拐（测试）', { category: 'crutches' });
    for (let n = 1; n <= 22; n++) await registerItem(staff, crutches.id, `PG-${String(n).padStart(2, '0')}`);
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(async () => {
    await page?.browserContext().close();
  });

  const items = 'kiosk-lending-items';
  const detail = 'kiosk-lending-item-detail';

  async function openPart(part: string): Promise<void> {
    page = await h.openPage();
    await enterStaffMode(h, page);
    await clickByName(page, '辅具借用');
    await clickByName(page, part);
  }

  /** The wedge scanner: the tag's keys without pause, then Enter, into the focused field. */
  async function wedge(selector: string, tag: string): Promise<void> {
    const field = await deep(page, selector);
    await field.focus();
    await page.keyboard.type(tag);
    await page.keyboard.press('Enter');
  }

  it('finds items by serial, pages the list, and opens an item from a tag typed by the wedge scanner', async () => {
    await openPart('辅具清单');
    await deep(page, `${items} >>> kiosk-lending-item-list >>> ul[data-list="items"]`);
    await deep(page, `${items} >>> kiosk-lending-item-list >>> input[name="item-search"]`).then((f) => f.type('SN-778'));
    await waitForText(page, '第 1–1 件，共 1 件');
    await waitForText(page, '查看 LC-0001');

    await retype(page, `${items} >>> kiosk-lending-item-list >>> input[name="item-search"]`, '');
    await page.waitForSelector(`kiosk-app >>> ${items} >>> kiosk-lending-item-list >>> select[name="catalogue"] option[value="${crutches.id}"]`);
    await page.select(`kiosk-app >>> ${items} >>> kiosk-lending-item-list >>> select[name="catalogue"]`, crutches.id);
    await waitForText(page, '第 1–20 件，共 22 件');
    await clickByName(page, '下一页');
    await waitForText(page, '第 21–22 件，共 22 件');
    await page.select(`kiosk-app >>> ${items} >>> kiosk-lending-item-list >>> select[name="status"]`, 'maintenance');
    await waitForText(page, '没有找到辅具');
    await page.select(`kiosk-app >>> ${items} >>> kiosk-lending-item-list >>> select[name="status"]`, '');
    await page.select(`kiosk-app >>> ${items} >>> kiosk-lending-item-list >>> select[name="catalogue"]`, '');
    await wedge(`${items} >>> kiosk-lending-item-list >>> input[name="item-search"]`, 'LC-0002');
    await waitForText(page, '手动轮椅（测试） · LC-0002');
    await waitForText(page, '一号库房');
    await waitForText(page, '可借');
    // the history route answers, or the screen says plainly that it does not yet
    await page.waitForSelector(`kiosk-app >>> ${detail} >>> [data-history]`, { visible: true });

    await clickByName(page, '返回清单');
    // the demo inventory: DEV-0009 is due for service, DEV-0005 is past its service life
    await wedge(`${items} >>> kiosk-lending-item-list >>> input[name="item-search"]`, 'DEV-0009');
    await waitForText(page, '助行器 · DEV-0009');
    await waitForText(page, '维护到期');
    await clickByName(page, '返回清单');
    await wedge(`${items} >>> kiosk-lending-item-list >>> input[name="item-search"]`, 'DEV-0005');
    await waitForText(page, '手动轮椅 · DEV-0005');
    await waitForText(page, '超过使用年限');
    await clickByName(page, '返回清单');
    await wedge(`${items} >>> kiosk-lending-item-list >>> input[name="item-search"]`, 'NO-SUCH-TAG');
    await waitForText(page, '没有找到辅具');
  });

  it('registers an item from the form, and refuses a tag that is taken without creating anything', async () => {
    await openPart('辅具清单');
    await clickByName(page, '登记新辅具');
    const form = `${items} >>> kiosk-lending-item-form`;
    // the form opens with the focus on the tag, where a scan of the new label goes
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('name') === 'tag-code';
    });
    await clickByName(page, '登记');
    await waitForText(page, '请写标签号或扫码');
    await deep(page, `${form} >>> [name="tag-code"]`).then((f) => f.type('LC-0001'));
    await choose(page, form, '手动轮椅（测试）');
    await clickByName(page, '登记');
    await waitForText(page, '这个标签号已经登记过了，请换一个');
    const before = (await entries(staff)).find((e) => e.id === chairs.id)!.counts.available;

    await retype(page, `${form} >>> [name="tag-code"]`, 'LC-0100');
    await deep(page, `${form} >>> [name="serial"]`).then((f) => f.type('SN-9100'));
    await deep(page, `${form} >>> [name="location"]`).then((f) => f.type('二号库房'));
    await choose(page, form, '磨损');
    await clickByName(page, '登记');
    await waitForText(page, '已登记 LC-0100（手动轮椅（测试））');
    const item = await itemByTag(staff, 'LC-0100');
    expect(item).toMatchObject({ catalogueId: chairs.id, serial: 'SN-9100', location: '二号库房', condition: 'worn', status: 'available' });
    expect((await entries(staff)).find((e) => e.id === chairs.id)!.counts.available).toBe(before + 1);
  });

  it('records maintenance with its cost in yuan as fen and the next service date, and the history shows it', async () => {
    await openPart('辅具清单');
    await wedge(`${items} >>> kiosk-lending-item-list >>> input[name="item-search"]`, 'LC-0001');
    await clickByName(page, '记录维护');
    const form = `${detail} >>> kiosk-lending-maintenance-form`;
    await deep(page, `${form} >>> [name="description"]`).then((f) => f.type('更换刹车片'));
    await retype(page, `${form} >>> [name="cost"]`, '35.555');
    await clickByName(page, '保存维护记录');
    await waitForText(page, '费用请写成元，最多两位小数，如 35.50');
    await retype(page, `${form} >>> [name="cost"]`, '35.5');
    const next = `${Number(centreToday().slice(0, 4)) + 1}-06-01`;
    await setDate(page, `${form} >>> [name="next-service"]`, next);
    await clickByName(page, '保存维护记录');
    await waitForText(page, '已保存 LC-0001 的维护记录，费用 35.50 元');
    await waitForText(page, next);
    // the item's history (GET /items/{id}/history) lists the record and the state it appended
    await waitForText(page, `${centreToday()}：更换刹车片，35.50 元`);
    const states = await page.$eval('kiosk-app >>> kiosk-lending-item-detail >>> [data-history="states"]', (el) => el.textContent ?? '');
    expect(states).toContain('可借，良好：维护');
    expect(states).toContain('可借，良好：登记');
    expect(await itemByTag(staff, 'LC-0001')).toMatchObject({ nextServiceOn: next, status: 'available' });
    const history = await staff.call<ItemHistory>('GET', `/api/staff/lending/items/${chair.id}/history`);
    expect(history.maintenance).toEqual([expect.objectContaining({ description: '更换刹车片', costCents: 3550, nextServiceOn: next, doneOn: centreToday() })]);
  });

  it('changes an item to maintenance by hand with a reason, offering only the allowed statuses', async () => {
    await openPart('辅具清单');
    await wedge(`${items} >>> kiosk-lending-item-list >>> input[name="item-search"]`, spare.tagCode);
    await clickByName(page, '更改状态');
    expect(await choices(page, detail, 'to')).toEqual(['维修中', '已报废']);
    await choose(page, detail, '维修中');
    await clickByName(page, '保存状态');
    await waitForText(page, '请写原因');
    expect((await itemByTag(staff, spare.tagCode)).status).toBe('available');
    await deep(page, `${detail} >>> [name="status-reason"]`).then((f) => f.type('脚踏松动'));
    await clickByName(page, '保存状态');
    await waitForText(page, `${spare.tagCode} 已改为维修中`);
    expect((await itemByTag(staff, spare.tagCode)).status).toBe('maintenance');
    await clickByName(page, '更改状态');
    expect(await choices(page, detail, 'to')).toEqual(['可借', '已报废']);
  });

  it('creates a catalogue entry with its checklists and eligibility, then edits it into a new version and retires it', async () => {
    await openPart('辅具目录');
    await waitForText(page, '手动轮椅（测试）');
    await clickByName(page, '新增目录条目');
    const form = 'kiosk-lending-catalogue >>> kiosk-lending-catalogue-form';
    await deep(page, `${form} >>> [name="entry-name"]`).then((f) => f.type('四轮助行器（测试）'));
    await choose(page, form, '助行器');
    await choose(page, form, '肢体残疾');
    await choose(page, form, '1 级');
    await choose(page, form, '2 级');
    await choose(page, form, '借用前需要评估');
    await retype(page, `${form} >>> [name="loan-days"]`, '45');
    await choose(page, form, '说明书');
    await clickByName(page, '保存条目');
    await waitForText(page, '已新增 四轮助行器（测试）');
    const made = (await entries(staff)).find((e) => e.name === '四轮助行器（测试）')!;
    expect(made).toMatchObject({
      category: 'walker', eligibleDisability: ['肢体'], eligibleGrades: [1, 2], assessmentRequired: true, loanDays: 45, version: 1,
      checkoutChecklist: ['frame', 'handgrips', 'rubber_tips', 'height_adjust', 'brakes', 'manual'],
    });

    await clickByName(page, '修改 四轮助行器（测试）');
    await retype(page, `${form} >>> [name="buffer-days"]`, '99');
    await clickByName(page, '保存条目');
    await waitForText(page, '空出天数请写 0 到 30 的整数');
    await retype(page, `${form} >>> [name="buffer-days"]`, '3');
    await clickByName(page, '保存条目');
    await waitForText(page, '已保存 四轮助行器（测试）（第 2 版）');
    expect((await entries(staff)).find((e) => e.id === made.id)).toMatchObject({ version: 2, bufferDays: 3, loanDays: 45 });

    await clickByName(page, '停用 四轮助行器（测试）');
    await waitForText(page, '停用后 四轮助行器（测试） 不能再登记新辅具；已有的辅具和记录都保留。');
    await clickByName(page, '确认停用 四轮助行器（测试）');
    await waitForText(page, '已停用 四轮助行器（测试）');
    await waitForText(page, '四轮助行器（测试） · 已停用');
    expect((await entries(staff)).find((e) => e.id === made.id)).toMatchObject({ version: 3, retired: true, loanDays: 45 });
    expect(await page.$$eval('kiosk-app >>> kiosk-lending-catalogue >>> li[data-entry="四轮助行器（测试）"] button', (bs) => bs.length)).toBe(0);
  });

  it("makes a page of labels, one QR image per item of the entry, and prints the labels only", async () => {
    const count = (await entries(staff)).find((e) => e.id === chairs.id)!;
    const expected = Object.values(count.counts).reduce((a, b) => a + b, 0);
    await openPart('打印标签');
    await page.waitForSelector(`kiosk-app >>> kiosk-lending-labels >>> select[name="label-entry"] option[value="${chairs.id}"]`);
    await page.select('kiosk-app >>> kiosk-lending-labels >>> select[name="label-entry"]', chairs.id);
    await clickByName(page, '生成这个条目的标签');
    await waitForText(page, `标签 ${expected} 张`);
    const images = await page.$$eval('kiosk-app >>> kiosk-lending-labels >>> li.label img', (imgs) =>
      imgs.map((img) => ({ src: (img as HTMLImageElement).src.slice(0, 24), ok: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0 })));
    expect(images).toHaveLength(expected);
    expect(images.every((i) => i.src === 'data:image/svg+xml;chars' && i.ok)).toBe(true);
    await waitForText(page, 'LC-0001');

    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      app: getComputedStyle(document.querySelector('kiosk-app')!).display,
      copy: getComputedStyle(document.querySelector('.lending-labels-print')!).display,
      images: document.querySelectorAll('.lending-labels-print img').length,
    }));
    await page.emulateMediaType('screen');
    expect(printed).toEqual({ app: 'none', copy: 'block', images: expected });
  });

  it('labels items ticked in the list', async () => {
    await openPart('打印标签');
    await deep(page, 'kiosk-lending-labels >>> kiosk-lending-item-list >>> input[name="item-search"]').then((f) => f.type('LC-0002'));
    await deep(page, 'kiosk-lending-labels >>> kiosk-lending-item-list >>> li[data-item="LC-0002"] input[name="pick-item"]').then((box) => box.click());
    await clickByName(page, '生成勾选的 1 张标签');
    await waitForText(page, '标签 1 张');
    expect(await page.$$eval('kiosk-app >>> kiosk-lending-labels >>> li.label', (ls) => ls.map((l) => l.getAttribute('data-label')))).toEqual(['LC-0002']);
  });

  it('checks an import, listing every bad row, imports nothing until it is clean, then creates the items', async () => {
    await openPart('导入');
    const bad = [
      'tag_code,serial,catalogue,condition,location,acquired_on,next_service_on',
      'IMP-1,S1,手动轮椅（测试）,良好,三号库房,2024-03-01,',
      'IMP-2,S2,没有这个条目,good,,,',
      'LC-0001,S3,手动轮椅（测试）,很好,,2024-13-01,',
    ].join('\n');
    const box = await deep(page, 'kiosk-lending-import >>> [name="csv-text"]');
    await box.evaluate((el, text) => {
      (el as HTMLTextAreaElement).value = text;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }, bad);
    const importButton = 'kiosk-lending-import >>> button[name="import"]';
    expect(await deep(page, importButton).then((b) => b.evaluate((el) => (el as HTMLButtonElement).disabled))).toBe(true);
    await clickByName(page, '检查');
    await page.waitForSelector('kiosk-app >>> kiosk-lending-import >>> table[data-import="problems"]', { visible: true });
    const rows = await page.$$eval('kiosk-app >>> kiosk-lending-import >>> tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(rows).toEqual(expect.arrayContaining([
      ['3', '目录条目 (catalogue)', '目录里没有这个条目，请先在辅具目录里新增'],
      ['4', '标签号 (tag_code)', '这个标签号已经登记过了'],
      ['4', '成色 (condition)', '成色请写 全新、良好、一般、磨损 或 损坏'],
    ]));
    expect(rows.every((r) => r[0] !== '2')).toBe(true);
    expect(await deep(page, importButton).then((b) => b.evaluate((el) => (el as HTMLButtonElement).disabled))).toBe(true);
    await expect(itemByTag(staff, 'IMP-1')).rejects.toThrow();

    const clean = [
      'tag_code,serial,catalogue,condition,location,acquired_on,next_service_on',
      'IMP-1,S1,手动轮椅（测试）,良好,三号库房,2024-03-01,',
      'IMP-2,S2,手动轮椅（测试）,good,,,',
    ].join('\n');
    await box.evaluate((el, text) => {
      (el as HTMLTextAreaElement).value = text;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }, clean);
    await clickByName(page, '检查');
    await waitForText(page, '检查通过：2 行都没有问题，可以导入');
    await clickByName(page, '确认导入');
    await waitForText(page, '导入完成：新增 2 件辅具');
    expect(await itemByTag(staff, 'IMP-1')).toMatchObject({ location: '三号库房', condition: 'good', acquiredOn: '2024-03-01' });
  });

  it('sends a chosen file as it is, so a line saved in another encoding (GBK) is named with what to do', async () => {
    await openPart('导入');
    const path = join(mkdtempSync(join(tmpdir(), 'lending-import-')), '库存.csv');
    writeFileSync(path, Buffer.concat([
      Buffer.from('tag_code,catalogue,condition\nGBK-1,手动轮椅（测试）,', 'utf8'),
      Buffer.from([0xc1, 0xbc, 0xba, 0xc3]), // 良好 in GBK
      Buffer.from('\n', 'utf8'),
    ]));
    const picker = (await deep(page, 'kiosk-lending-import >>> input[name="csv-file"]')) as ElementHandle<HTMLInputElement>;
    await picker.uploadFile(path);
    await waitForText(page, '已选文件 库存.csv');
    await clickByName(page, '检查');
    await page.waitForSelector('kiosk-app >>> kiosk-lending-import >>> table[data-import="problems"]', { visible: true });
    const rows = await page.$$eval('kiosk-app >>> kiosk-lending-import >>> tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    expect(rows).toEqual([['2', '整个文件', '这一行不是 UTF-8 文字，请在表格软件里另存为“CSV UTF-8”']]);
    await expect(itemByTag(staff, 'GBK-1')).rejects.toThrow();
  });

  it('takes stock: each scan said in the live region with the focus kept on the scan field, an open one is resumed after a reload, and the missing list stays after finishing', async () => {
    await registerItem(staff, chairs.id, 'ST-1');
    await registerItem(staff, chairs.id, 'ST-2');
    await openPart('盘点');
    await clickByName(page, '开始盘点');
    const scan = 'kiosk-lending-stocktake >>> input[name="scan"]';
    await deep(page, scan);
    // the field has the focus: the scanner's keys go straight in
    await page.keyboard.type('ST-1');
    await page.keyboard.press('Enter');
    await waitForText(page, '已扫描 ST-1 手动轮椅（测试）');
    await page.keyboard.type('ST-1');
    await page.keyboard.press('Enter');
    await waitForText(page, '已经扫过 ST-1 手动轮椅（测试）');
    // a tap on the lists (nothing to focus there) leaves the focus in the scan field
    await deep(page, 'kiosk-lending-stocktake >>> [data-list="missing"]').then((l) => l.click());
    await page.keyboard.type('ZZ-404');
    await page.keyboard.press('Enter');
    await waitForText(page, '不认识的标签 ZZ-404');
    const live = await page.$eval('kiosk-app >>> kiosk-lending-stocktake >>> [data-said]', (el) => ({
      live: el.getAttribute('aria-live'), result: el.getAttribute('data-said'), text: el.textContent?.trim(), pictogram: el.querySelector('svg') !== null,
    }));
    expect(live).toEqual({ live: 'assertive', result: 'unknown_tag', text: '不认识的标签 ZZ-404', pictogram: true });
    const missingBefore = await page.$eval('kiosk-app >>> kiosk-lending-stocktake >>> [data-list="missing"]', (el) => el.textContent ?? '');
    expect(missingBefore).toContain('ST-2');
    expect(missingBefore).not.toContain('ST-1');

    // a reload (or another screen) goes on with the open stocktake, its scans kept
    await page.browserContext().close();
    await openPart('盘点');
    await deep(page, 'kiosk-lending-stocktake >>> button[name="resume"]').then((b) => b.click());
    await deep(page, 'kiosk-lending-stocktake >>> input[name="scan"]');
    expect(await page.$eval('kiosk-app >>> kiosk-lending-stocktake >>> [data-list="scanned"]', (el) => el.textContent ?? '')).toContain('ST-1');
    await page.keyboard.type('ST-1');
    await page.keyboard.press('Enter');
    await waitForText(page, '已经扫过 ST-1 手动轮椅（测试）');

    await clickByName(page, '结束盘点');
    await page.waitForSelector('kiosk-app >>> kiosk-lending-stocktake >>> [data-stocktake="finished"]', { visible: true });
    const missing = await page.$eval('kiosk-app >>> kiosk-lending-stocktake >>> [data-list="missing"]', (el) => el.textContent ?? '');
    expect(missing).toContain('ST-2');
    expect(missing).toContain('LC-0001');
    const scanned = await page.$eval('kiosk-app >>> kiosk-lending-stocktake >>> [data-list="scanned"]', (el) => el.textContent ?? '');
    expect(scanned).toContain('ST-1');
  });
});
