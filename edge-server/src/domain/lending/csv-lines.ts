import { CsvError, parse } from 'csv-parse/sync';
import type { ImportProblem } from '../../api-types.js';

/** One record of a CSV file with the line it starts on (1-based; the header is line 1). */
export interface CsvRecord { line: number; fields: string[] }

// C0 controls other than tab, CR and LF, and DEL: what a spreadsheet's text never holds but a binary file does.
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LF = 0x0a;

/**
 * Decodes the bytes of an uploaded CSV as UTF-8, line by line: a line that is not UTF-8 or holds
 * control characters is reported (one problem per line) and blanked, so the lines around it keep
 * their numbers and are still checked.
 */
export function decodeCsvText(bytes: Uint8Array): { text: string; problems: ImportProblem[] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!BINARY.test(text)) return { text, problems: [] };
  } catch {
    // some line is not UTF-8: find which, below
  }
  const problems: ImportProblem[] = [];
  const lines: string[] = [];
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(LF, start);
    if (end === -1) end = bytes.length;
    const chunk = bytes.subarray(start, end);
    let text: string | null = null;
    try {
      // the BOM belongs to the first line only; later lines keep a stray one and are caught below
      text = (line === 1 ? strict : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })).decode(chunk);
    } catch {
      problems.push({ line, field: null, code: 'not_utf8', message: `Line ${line} is not UTF-8 text; save the file as "CSV UTF-8" and try again` });
    }
    if (text !== null && BINARY.test(text)) {
      problems.push({ line, field: null, code: 'binary_content', message: `Line ${line} holds control characters, as a binary file (not a CSV) would` });
      text = null;
    }
    lines.push(text ?? '');
    start = end + 1;
  }
  return { text: lines.join('\n'), problems };
}

const SYNTAX: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quote opened here is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field has more text after its closing quote',
};

/**
 * Parses RFC 4180 CSV text (a BOM is dropped; CRLF or LF) into records that know their line,
 * skipping empty lines and rows of empty cells. A quoting error stops the reading: the records before it are returned
 * with the problem, since where the next record begins is then a guess.
 */
export function parseCsvRecords(text: string): { records: CsvRecord[]; problem: ImportProblem | null } {
  const records: CsvRecord[] = [];
  try {
    parse(text.replace(/\r\n/g, '\n'), {
      // spreadsheets export formatted-but-empty rows as ",,,,": they are no items, not bad ones
      bom: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true,
      on_record: (record: string[], context) => {
        // context.lines is where the record ends; quoted fields may span lines
        const spanned = record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
        records.push({ line: context.lines - spanned, fields: record });
        return null;
      },
    });
    return { records, problem: null };
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines ?? (records.at(-1)?.line ?? 0) + 1;
    const what = SYNTAX[err.code] ?? 'the line is not valid CSV';
    return { records, problem: { line, field: null, code: 'csv_syntax', message: `Line ${line}: ${what}; the lines after it were not read` } };
  }
}
