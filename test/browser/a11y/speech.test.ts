/**
 * The kiosk is the members' screen reader: every prompt, result and error on a member screen reaches
 * the speech port (`window.__kioskSpeechLog`) when it is shown, in zh-CN (en after the switch), can
 * be heard again with one button, and nothing is spoken for a member who has speech off.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import { clickByName, delay, speechLog, startKiosk, waitForScreen, waitForText, type KioskHarness } from '../harness.js';
import {
  INACTIVE_CARD,
  MEMBER_NAMES,
  StaffApi,
  expectSpokenAndShown,
  fingerTo,
  freshIdle,
  setReaderPlugged,
  printServerLogOnFailure,
  speechSince,
  switchLanguage,
} from './a11y-support.js';

let h: KioskHarness;
let page: Page;
let staff: StaffApi;

const zh = (key: MessageKey, params?: Record<string, string | number>): string => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>): string => translate('en', key, params);

beforeAll(async () => {
  h = await startKiosk();
  page = await h.openPage();
  staff = new StaffApi(h.server);
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);

beforeEach(async () => {
  await staff.resetAttendance();
  await freshIdle(h, page);
});

const logLength = async (): Promise<number> => (await speechLog(page)).length;

async function typeCard(lang: Lang, cardNumber: string): Promise<void> {
  await clickByName(page, translate(lang, 'idle.useCard'));
  await waitForScreen(page, 'card');
  const input = await page.waitForSelector('kiosk-app >>> kiosk-card >>> input', { visible: true });
  await input!.type(cardNumber);
  await input!.press('Enter');
  await input!.dispose();
}

describe('speech', () => {
  it('speaks the idle prompt in zh-CN when the kiosk starts', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expectSpokenAndShown(page, { from: 0, spoken: zh('idle.prompt'), shown: zh('idle.prompt'), lang: 'zh-CN' });
  });

  it('greets the member by name when they check in', async () => {
    const from = await logLength();
    await h.touchFinger(1);
    const entry = await expectSpokenAndShown(page, {
      from,
      spoken: MEMBER_NAMES[1]!,
      shown: [MEMBER_NAMES[1]!, zh('welcome.checkedIn', { time: '' }).replace(/[，,]\s*$/, '')],
      lang: 'zh-CN',
    });
    // today's sessions follow the greeting when there are any (member-sessions)
    expect(entry.text).toMatch(/^(早上好|下午好|晚上好)，张伟。签到成功。( 今天的活动。.*)?$/);
  });

  it('says what to do next when a finger is not recognised, and offers card or staff after three misses', async () => {
    let from = await logLength();
    await h.touchFinger(null);
    await expectSpokenAndShown(page, { from, spoken: zh('unknown.prompt'), shown: zh('unknown.prompt'), lang: 'zh-CN' });
    await fingerTo(h, page, null, 'not-recognised');
    from = await logLength();
    await h.touchFinger(null);
    await expectSpokenAndShown(page, {
      from,
      spoken: zh('unknown.spokenOffer'),
      shown: [zh('unknown.offer'), zh('idle.useCard'), zh('frame.callStaff')],
      lang: 'zh-CN',
    });
  });

  it('asks the leave question with the name, then says goodbye', async () => {
    await staff.makePresentForAWhile(1);
    let from = await logLength();
    await h.touchFinger(1);
    await expectSpokenAndShown(page, {
      from,
      spoken: zh('confirm.spoken', { name: MEMBER_NAMES[1]! }),
      shown: [zh('confirm.question'), MEMBER_NAMES[1]!],
      lang: 'zh-CN',
    });
    from = await logLength();
    await clickByName(page, zh('confirm.yes'));
    await expectSpokenAndShown(page, { from, spoken: zh('confirm.leavingSpoken'), shown: [zh('confirm.leaving'), zh('confirm.undo')], lang: 'zh-CN' });
    from = await logLength();
    await expectSpokenAndShown(page, {
      from,
      spoken: zh('goodbye.spoken', { name: MEMBER_NAMES[1]! }),
      shown: [zh('goodbye.heading', { name: MEMBER_NAMES[1]! })],
      lang: 'zh-CN',
      timeoutMs: 20_000,
    });
  });

  it('says so when "yes, leaving" is taken back with Undo', async () => {
    await staff.makePresentForAWhile(1);
    await fingerTo(h, page, 1, 'confirm');
    await clickByName(page, zh('confirm.yes'));
    await waitForText(page, zh('confirm.undo'));
    const from = await logLength();
    await clickByName(page, zh('confirm.undo'));
    await expectSpokenAndShown(page, { from, spoken: zh('confirm.undone'), shown: [zh('confirm.undone'), zh('confirm.question')], lang: 'zh-CN' });
  });

  it('speaks the card prompt, the card-not-found error and the inactive-member result', async () => {
    let from = await logLength();
    await clickByName(page, zh('idle.useCard'));
    await expectSpokenAndShown(page, { from, spoken: zh('card.prompt'), shown: zh('card.prompt'), lang: 'zh-CN' });
    from = await logLength();
    const input = await page.waitForSelector('kiosk-app >>> kiosk-card >>> input', { visible: true });
    await input!.type('555555');
    await input!.press('Enter');
    await input!.dispose();
    await expectSpokenAndShown(page, { from, spoken: zh('unknown.cardNotFound'), shown: zh('unknown.cardNotFound'), lang: 'zh-CN' });
    await freshIdle(h, page);
    from = await logLength();
    await typeCard('zh-CN', INACTIVE_CARD);
    await expectSpokenAndShown(page, { from, spoken: zh('inactive.prompt'), shown: zh('inactive.prompt'), lang: 'zh-CN' });
  });

  it('speaks the result of "call staff"', async () => {
    await fingerTo(h, page, 1, 'welcome');
    const from = await logLength();
    const button = await page.waitForSelector('kiosk-app >>> footer button.help', { visible: true });
    await button!.click();
    await button!.dispose();
    await expectSpokenAndShown(page, { from, spoken: zh('frame.helpSent'), shown: zh('frame.helpSent'), lang: 'zh-CN' });
  });

  it('speaks English after the language switch, and <html lang> is en', async () => {
    let from = await logLength();
    await switchLanguage(page, 'en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectSpokenAndShown(page, { from, spoken: en('idle.prompt'), shown: en('idle.prompt'), lang: 'en' });
    from = await logLength();
    await h.touchFinger(7);
    const entry = await expectSpokenAndShown(page, { from, spoken: MEMBER_NAMES[7]!, shown: [MEMBER_NAMES[7]!, 'You are checked in'], lang: 'en' });
    // today's sessions follow the greeting when there are any (member-sessions)
    expect(entry.text).toMatch(/^Good (morning|afternoon|evening), 赵磊\. You are checked in\.( Today’s activities\..*)?$/);
    from = await logLength();
    await h.touchFinger(null);
    await expectSpokenAndShown(page, { from, spoken: en('unknown.prompt'), shown: en('unknown.prompt'), lang: 'en' });
    // every utterance since the switch is in English
    const since = await speechSince(page, 0);
    const afterSwitch = since.slice(since.findIndex((e) => e.text === en('idle.prompt')));
    expect(afterSwitch.filter((e) => e.lang !== 'en')).toEqual([]);
  });

  it('says nothing for a member with speech off (slot 5), not even on "repeat"', async () => {
    const from = await logLength();
    await fingerTo(h, page, 5, 'welcome');
    await waitForText(page, MEMBER_NAMES[5]!);
    // give a late utterance the time it would need to arrive
    await delay(1000);
    const repeat = await page.waitForSelector('kiosk-app >>> footer button:not(.help)', { visible: true });
    await repeat!.click();
    await repeat!.dispose();
    await delay(500);
    expect(await speechSince(page, from)).toEqual([]);
  });

  it('says so when the kiosk loses the server, and when a card cannot be looked up then', async () => {
    let from = await logLength();
    await h.stopServer();
    try {
      await expectSpokenAndShown(page, { from, spoken: zh('app.reconnecting'), shown: zh('app.reconnecting'), lang: 'zh-CN', timeoutMs: 15_000 });
      await clickByName(page, zh('idle.useCard'));
      await waitForScreen(page, 'card');
      from = await logLength();
      const input = await page.waitForSelector('kiosk-app >>> kiosk-card >>> input', { visible: true });
      await input!.type('100001');
      await input!.press('Enter');
      await input!.dispose();
      await expectSpokenAndShown(page, { from, spoken: zh('card.failed'), shown: zh('card.failed'), lang: 'zh-CN' });
    } finally {
      await h.startServer();
    }
  });

  it('says so when the fingerprint reader is unplugged, and what to do instead', async () => {
    const from = await logLength();
    await setReaderPlugged(h, false);
    try {
      await expectSpokenAndShown(page, { from, spoken: zh('app.readerDown'), shown: zh('app.readerDown'), lang: 'zh-CN' });
    } finally {
      await setReaderPlugged(h, true);
    }
  });

  it('"repeat" speaks the current prompt again, in the current language', async () => {
    await fingerTo(h, page, 1, 'welcome');
    const log = await speechLog(page);
    const last = log.at(-1)!;
    expect(last.text).toContain(MEMBER_NAMES[1]!);
    await clickByName(page, zh('frame.repeat'));
    await page.waitForFunction((n: number) => (window as unknown as { __kioskSpeechLog: unknown[] }).__kioskSpeechLog.length > n, {}, log.length);
    expect((await speechLog(page)).at(-1)).toMatchObject({ text: last.text, lang: 'zh-CN' });

    await switchLanguage(page, 'en');
    const afterSwitch = (await speechLog(page)).at(-1)!;
    expect(afterSwitch).toMatchObject({ lang: 'en' });
    expect(afterSwitch.text).toContain(MEMBER_NAMES[1]!);
    const n = (await speechLog(page)).length;
    await clickByName(page, en('frame.repeat'));
    await page.waitForFunction((k: number) => (window as unknown as { __kioskSpeechLog: unknown[] }).__kioskSpeechLog.length > k, {}, n);
    expect((await speechLog(page)).at(-1)).toMatchObject({ text: afterSwitch.text, lang: 'en' });
  });
});
