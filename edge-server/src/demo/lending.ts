import type { DeviceCategory, DisabilityCategory, ItemCondition, ItemStatus } from '../api-types.js';
import { localDate } from '../clock.js';
import type { Db } from '../db/connection.js';
import { insertCatalogueEntry, insertCatalogueVersion } from '../db/lending-catalogue.repo.js';
import { appendItemState } from '../db/lending-item-states.repo.js';
import { insertItem } from '../db/lending-items.repo.js';
import { DEFAULT_CHECKS, DEFAULT_CLEANING } from '../domain/lending/checklists.js';
import { addYears } from '../domain/lending/days.js';
import { addDays } from '../domain/sessions/dates.js';

interface DemoEntry {
  id: string; name: string; category: DeviceCategory; disability: DisabilityCategory[]; grades: number[];
  assessment: boolean; loanDays: number; bufferDays: number; lifeYears: number;
}

/** Eight entries, one per kind of device the centre lends, with the eligibility a 残联 centre would set. */
const ENTRIES: DemoEntry[] = [
  { id: 'cat_demo_wheelchair', name: '手动轮椅', category: 'wheelchair', disability: ['肢体', '多重'], grades: [], assessment: false, loanDays: 90, bufferDays: 2, lifeYears: 6 },
  { id: 'cat_demo_e_wheelchair', name: '电动轮椅', category: 'wheelchair', disability: ['肢体', '多重'], grades: [1, 2], assessment: true, loanDays: 60, bufferDays: 3, lifeYears: 8 },
  { id: 'cat_demo_walker', name: '助行器', category: 'walker', disability: ['肢体', '多重'], grades: [], assessment: false, loanDays: 60, bufferDays: 1, lifeYears: 5 },
  { id: 'cat_demo_crutches', name: '腋下拐杖', category: 'crutches', disability: ['肢体'], grades: [], assessment: false, loanDays: 30, bufferDays: 1, lifeYears: 3 },
  { id: 'cat_demo_commode', name: '坐便椅', category: 'commode', disability: ['肢体', '多重'], grades: [], assessment: false, loanDays: 60, bufferDays: 2, lifeYears: 5 },
  { id: 'cat_demo_hearing_aid', name: '耳背式助听器', category: 'hearing_aid', disability: ['听力'], grades: [], assessment: true, loanDays: 90, bufferDays: 3, lifeYears: 5 },
  { id: 'cat_demo_magnifier', name: '手持电子助视器', category: 'magnifier', disability: ['视力'], grades: [], assessment: false, loanDays: 60, bufferDays: 1, lifeYears: 5 },
  { id: 'cat_demo_stepper', name: '康复踏步器', category: 'rehab_equipment', disability: [], grades: [], assessment: false, loanDays: 30, bufferDays: 2, lifeYears: 8 },
];

interface DemoItem {
  entry: string; condition: ItemCondition; yearsOld: number;
  /** a second link of the chain after registration */
  then?: { status: ItemStatus; reason: string; condition?: ItemCondition };
  /** next service: days from today (negative = overdue) */
  serviceInDays?: number;
  location: string;
}

/**
 * The demo inventory, tag DEV-0001 … DEV-0025 (item id `itm_demo_01` … `itm_demo_25`, same number):
 * - DEV-0001–0005 手动轮椅: 0001 available (good), 0002 available (fair), 0003 available (new),
 *   0004 in cleaning, 0005 available but PAST ITS SERVICE LIFE (bought 7 years ago, life 6).
 * - DEV-0006–0007 电动轮椅 (assessment required): 0006 available, 0007 in MAINTENANCE (battery).
 * - DEV-0008–0010 助行器: 0008 available, 0009 available with its SERVICE DUE (3 days ago), 0010 in cleaning.
 * - DEV-0011–0013 腋下拐杖: available; DEV-0014–0015 坐便椅: available.
 * - DEV-0016–0018 耳背式助听器 (assessment required, 听力): available.
 * - DEV-0019–0021 手持电子助视器 (视力): available.
 * - DEV-0022–0023 康复踏步器 (anyone): available.
 * - DEV-0024 腋下拐杖 RETIRED (frame cracked); DEV-0025 助行器 available.
 * The loans demo lends some of the available ones by looking them up by tag.
 */
const ITEMS: DemoItem[] = [
  { entry: 'cat_demo_wheelchair', condition: 'good', yearsOld: 2, location: '器材室 A-1' },
  { entry: 'cat_demo_wheelchair', condition: 'fair', yearsOld: 4, location: '器材室 A-1' },
  { entry: 'cat_demo_wheelchair', condition: 'new', yearsOld: 0, location: '器材室 A-2' },
  { entry: 'cat_demo_wheelchair', condition: 'good', yearsOld: 3, location: '清洁间', then: { status: 'cleaning', reason: 'returned' } },
  { entry: 'cat_demo_wheelchair', condition: 'worn', yearsOld: 7, location: '器材室 A-2' },
  { entry: 'cat_demo_e_wheelchair', condition: 'good', yearsOld: 1, location: '器材室 B-1', serviceInDays: 120 },
  { entry: 'cat_demo_e_wheelchair', condition: 'fair', yearsOld: 3, location: '维修区', serviceInDays: 14, then: { status: 'maintenance', reason: 'manual: 电池不能充电' } },
  { entry: 'cat_demo_walker', condition: 'good', yearsOld: 1, location: '器材室 A-3' },
  { entry: 'cat_demo_walker', condition: 'good', yearsOld: 2, location: '器材室 A-3', serviceInDays: -3 },
  { entry: 'cat_demo_walker', condition: 'fair', yearsOld: 2, location: '清洁间', then: { status: 'cleaning', reason: 'returned' } },
  { entry: 'cat_demo_crutches', condition: 'good', yearsOld: 1, location: '器材室 C-1' },
  { entry: 'cat_demo_crutches', condition: 'good', yearsOld: 1, location: '器材室 C-1' },
  { entry: 'cat_demo_crutches', condition: 'new', yearsOld: 0, location: '器材室 C-1' },
  { entry: 'cat_demo_commode', condition: 'good', yearsOld: 2, location: '器材室 C-2' },
  { entry: 'cat_demo_commode', condition: 'fair', yearsOld: 3, location: '器材室 C-2' },
  { entry: 'cat_demo_hearing_aid', condition: 'good', yearsOld: 1, location: '服务台柜 1', serviceInDays: 60 },
  { entry: 'cat_demo_hearing_aid', condition: 'good', yearsOld: 2, location: '服务台柜 1', serviceInDays: 30 },
  { entry: 'cat_demo_hearing_aid', condition: 'new', yearsOld: 0, location: '服务台柜 1', serviceInDays: 180 },
  { entry: 'cat_demo_magnifier', condition: 'good', yearsOld: 1, location: '服务台柜 2' },
  { entry: 'cat_demo_magnifier', condition: 'good', yearsOld: 2, location: '服务台柜 2' },
  { entry: 'cat_demo_magnifier', condition: 'fair', yearsOld: 3, location: '服务台柜 2' },
  { entry: 'cat_demo_stepper', condition: 'good', yearsOld: 2, location: '康复室' },
  { entry: 'cat_demo_stepper', condition: 'good', yearsOld: 1, location: '康复室' },
  { entry: 'cat_demo_crutches', condition: 'damaged', yearsOld: 4, location: '库房', then: { status: 'retired', reason: 'manual: 支架开裂，不再出借' } },
  { entry: 'cat_demo_walker', condition: 'new', yearsOld: 0, location: '器材室 A-3' },
];

/**
 * The demo lending catalogue and inventory. Fixtures, like the rest of the demo data: no events are
 * written (event_id NULL, as 0007_lending.sql allows for fixtures), so nothing of them is ever pushed.
 */
export function seedDemoLending(db: Db, staffId: string, now: number, timeZone: string): void {
  const today = localDate(now, timeZone);
  for (const e of ENTRIES) {
    insertCatalogueEntry(db, e.id, now);
    insertCatalogueVersion(db, {
      id: `${e.id}_v1`, catalogueId: e.id, version: 1, name: e.name, category: e.category, photoPath: null,
      eligibleDisability: e.disability, eligibleGrades: e.grades, assessmentRequired: e.assessment, loanDays: e.loanDays,
      bufferDays: e.bufferDays, serviceLifeYears: e.lifeYears, checkoutChecklist: [...DEFAULT_CHECKS[e.category]],
      cleaningChecklist: [...DEFAULT_CLEANING[e.category]], retired: false, staffId, recordedAt: now, eventId: null,
    });
  }
  ITEMS.forEach((item, i) => {
    const n = String(i + 1).padStart(2, '0');
    const id = `itm_demo_${n}`;
    // a month before today in the years back, so "7 years old" is past a 6-year life whatever today is
    const acquiredOn = addDays(addYears(today, -item.yearsOld), -30);
    insertItem(db, {
      id, tagCode: `DEV-00${n}`, serial: `SN${acquiredOn.slice(0, 4)}-${n}`, catalogueId: item.entry,
      acquiredOn, staffId, createdAt: now, eventId: null,
    });
    const first = appendItemState(db, undefined, {
      id: `${id}_s1`, itemId: id, status: 'available', condition: item.condition, location: item.location,
      nextServiceOn: item.serviceInDays === undefined ? null : addDays(today, item.serviceInDays), reason: 'registered',
      loanId: null, staffId, recordedAt: now, eventId: null,
    });
    if (item.then) {
      appendItemState(db, first, {
        ...first, id: `${id}_s2`, status: item.then.status, condition: item.then.condition ?? item.condition, reason: item.then.reason,
      });
    }
  });
}
