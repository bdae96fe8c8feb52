import type { ImportProblem, ImportReport, ItemCondition } from '../../api-types.js';
import { recordAudit } from '../../db/audit.repo.js';
import { listCatalogueEntries, type CatalogueVersionRow } from '../../db/lending-catalogue.repo.js';
import { tagCodeTaken } from '../../db/lending-items.repo.js';
import type { DomainContext } from '../context.js';
import { decodeCsvText, parseCsvRecords, type CsvRecord } from './csv-lines.js';
import { registerItemRows } from './register-item.js';
import { checkItemFields, conditionFromWord, type ItemFields } from './item-fields.js';
import { centreToday } from './item-view.js';

/** The largest CSV the import takes (the route's own body limit). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export const IMPORT_COLUMNS = ['tag_code', 'serial', 'catalogue', 'condition', 'location', 'acquired_on', 'next_service_on'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['tag_code', 'catalogue', 'condition'];

interface ValidRow { line: number; fields: ItemFields; catalogueId: string; condition: ItemCondition }

/**
 * CSV import of an inventory (docs/services/lending.md: columns and rules). Every problem of every
 * row is reported with its line, field and a stable code; the items are created only when no row
 * has one and it is not a dry run — all in ONE transaction, each with its first state and
 * `item.registered`, so an import is all or nothing.
 */
export class InventoryImport {
  constructor(private readonly ctx: DomainContext) {}

  run(staffId: string, bytes: Uint8Array, dryRun: boolean): ImportReport {
    if (dryRun) return { ...this.check(bytes).report, dryRun: true };
    return this.ctx.log.write((append) => {
      // checked inside the write transaction, so a tag registered meanwhile is a problem, not a crash
      const { report, valid } = this.check(bytes);
      if (report.problems.length > 0 || valid.length === 0) return report;
      const now = this.ctx.clock.now();
      for (const row of valid) {
        registerItemRows(this.ctx.db, append, { fields: row.fields, catalogueId: row.catalogueId, condition: row.condition, staffId, at: now });
      }
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'lending.import', target: null, detail: { rows: report.rows, created: valid.length },
      });
      return { ...report, created: valid.length };
    });
  }

  private check(bytes: Uint8Array): { report: ImportReport; valid: ValidRow[] } {
    const { text, problems } = decodeCsvText(bytes);
    const empty = (rows = 0): { report: ImportReport; valid: ValidRow[] } =>
      ({ report: { dryRun: false, rows, valid: 0, problems, created: 0 }, valid: [] });
    if (problems.length === 0 && text.replace(/^\uFEFF/, '').trim() === '') {
      problems.push({ line: 1, field: null, code: 'empty_file', message: 'The file is empty; the first line names the columns, one item a line after it' });
      return empty();
    }
    const parsed = parseCsvRecords(text);
    if (parsed.problem) problems.push(parsed.problem);
    const [header, ...rows] = parsed.records;
    const columns = header ? this.columns(header, problems) : null;
    if (!header && problems.length === 0) problems.push(missingHeader(1));
    if (!columns) return this.finish(problems, rows.length, []);
    if (rows.length === 0 && problems.length === 0) {
      problems.push({ line: 2, field: null, code: 'no_rows', message: 'The file names the columns but lists no items' });
    }
    const valid = this.rows(rows, columns, problems);
    return this.finish(problems, rows.length, valid);
  }

  private finish(problems: ImportProblem[], rows: number, valid: ValidRow[]): { report: ImportReport; valid: ValidRow[] } {
    problems.sort((a, b) => a.line - b.line);
    return { report: { dryRun: false, rows, valid: valid.length, problems, created: 0 }, valid };
  }

  /** Where each column is, or null (with the problems) when the header cannot be read. */
  private columns(header: CsvRecord, problems: ImportProblem[]): Map<Column, number> | null {
    const names = header.fields.map((f) => f.trim().toLowerCase());
    if (!names.some((n) => (IMPORT_COLUMNS as readonly string[]).includes(n))) {
      problems.push(missingHeader(header.line));
      return null;
    }
    const at = new Map<Column, number>();
    let ok = true;
    names.forEach((name, i) => {
      const column = name as Column;
      if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
        problems.push({ line: header.line, field: name, code: 'unknown_column', message: `'${name}' is not a column of the import; the columns are ${IMPORT_COLUMNS.join(', ')}` });
        ok = false;
      } else if (at.has(column)) {
        problems.push({ line: header.line, field: name, code: 'duplicate_column', message: `The column ${name} is named twice` });
        ok = false;
      } else {
        at.set(column, i);
      }
    });
    for (const column of REQUIRED) {
      if (!at.has(column)) {
        problems.push({ line: header.line, field: column, code: 'missing_column', message: `The column ${column} is missing; every item needs it` });
        ok = false;
      }
    }
    return ok ? at : null;
  }

  private rows(rows: CsvRecord[], columns: Map<Column, number>, problems: ImportProblem[]): ValidRow[] {
    const today = centreToday(this.ctx);
    const entries = listCatalogueEntries(this.ctx.db);
    const byId = new Map(entries.map((e) => [e.catalogueId, e]));
    const byName = new Map(entries.map((e) => [e.name, e]));
    const firstLineOfTag = new Map<string, number>();
    const valid: ValidRow[] = [];
    for (const row of rows) {
      const cell = (c: Column): string => {
        const i = columns.get(c);
        return i === undefined ? '' : (row.fields[i] ?? '');
      };
      const own: ImportProblem[] = [];
      const add = (field: string | null, code: string, message: string) => own.push({ line: row.line, field, code, message });
      if (row.fields.length !== columns.size) {
        add(null, 'wrong_field_count', `Line ${row.line} has ${row.fields.length} fields; the header names ${columns.size}`);
        problems.push(...own);
        continue;
      }
      const { fields, problems: fieldProblems } = checkItemFields({
        tagCode: cell('tag_code'), serial: cell('serial'), location: cell('location'),
        acquiredOn: cell('acquired_on'), nextServiceOn: cell('next_service_on'),
      }, today);
      for (const p of fieldProblems) add(p.field, p.code, p.message);
      const condition = this.condition(cell('condition'), add);
      const entry = this.entry(cell('catalogue'), byId, byName, add);
      if (!fieldProblems.some((p) => p.field === 'tag_code')) {
        const first = firstLineOfTag.get(fields.tagCode);
        if (first !== undefined) add('tag_code', 'duplicate_tag', `The tag ${fields.tagCode} is on line ${first} too; each item has its own tag`);
        else if (tagCodeTaken(this.ctx.db, fields.tagCode)) add('tag_code', 'tag_taken', `The tag ${fields.tagCode} is on a registered item already`);
        if (first === undefined) firstLineOfTag.set(fields.tagCode, row.line);
      }
      problems.push(...own);
      if (own.length === 0 && entry && condition) valid.push({ line: row.line, fields, catalogueId: entry.catalogueId, condition });
    }
    return valid;
  }

  private condition(text: string, add: (field: string, code: string, message: string) => void): ItemCondition | undefined {
    if (text.trim() === '') {
      add('condition', 'required', 'Every item needs its condition: new, good, fair, worn or damaged (全新 良好 一般 磨损 损坏)');
      return undefined;
    }
    const condition = conditionFromWord(text);
    if (!condition) add('condition', 'invalid_condition', `'${text.trim()}' is not a condition; use new, good, fair, worn or damaged (全新 良好 一般 磨损 损坏)`);
    return condition;
  }

  private entry(
    text: string, byId: Map<string, CatalogueVersionRow>, byName: Map<string, CatalogueVersionRow>,
    add: (field: string, code: string, message: string) => void,
  ): CatalogueVersionRow | undefined {
    const key = text.trim();
    if (key === '') {
      add('catalogue', 'required', 'Every item needs the name (or id) of its catalogue entry');
      return undefined;
    }
    const entry = byId.get(key) ?? byName.get(key);
    if (!entry) add('catalogue', 'unknown_catalogue', `No catalogue entry is named ${key}; add it to the catalogue first`);
    else if (entry.retired) add('catalogue', 'catalogue_retired', `${entry.name} is retired; no new items are registered for it`);
    return entry && !entry.retired ? entry : undefined;
  }
}

function missingHeader(line: number): ImportProblem {
  return {
    line, field: null, code: 'missing_header',
    message: `The first line must name the columns (${IMPORT_COLUMNS.join(',')}); at least tag_code, catalogue and condition`,
  };
}
