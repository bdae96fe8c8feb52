import { describe, expect, it } from 'vitest';
import { decodeCsvText, parseCsvRecords } from '../../../../edge-server/src/domain/lending/csv-lines.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('CSV lines', () => {
  it('numbers each record by the line it starts on, across quoted line breaks, CRLF and empty lines', () => {
    const { records, problem } = parseCsvRecords('a,b\r\n"one\r\ntwo\r\nthree",x\r\n\r\nc,d\r\n,\r\ne,"f"\r\n');
    expect(problem).toBeNull();
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']], [2, ['one\ntwo\nthree', 'x']], [6, ['c', 'd']], [8, ['e', 'f']],
    ]);
  });

  it('stops at a broken quote, keeping the records before it', () => {
    const { records, problem } = parseCsvRecords('a,b\nc,d\n"e"f,g\nh,i\n');
    expect(records.map((r) => r.line)).toEqual([1, 2]);
    expect(problem).toMatchObject({ line: 3, field: null, code: 'csv_syntax' });
    expect(parseCsvRecords('a,b\n"open,c\n').problem).toMatchObject({ code: 'csv_syntax' });
  });

  it('drops the byte order mark and reads UTF-8 as it is', () => {
    const { text, problems } = decodeCsvText(utf8('\uFEFFtag_code\n轮椅-1\n'));
    expect(problems).toEqual([]);
    expect(parseCsvRecords(text).records.map((r) => r.fields[0])).toEqual(['tag_code', '轮椅-1']);
  });

  it('reports each line that is not UTF-8 or holds control characters, and keeps the numbering of the rest', () => {
    const bytes = new Uint8Array([...utf8('a,b\n'), 0xc2, 0x41, 0x0a, ...utf8('c,d\n'), 0x00, 0x01, 0x0a, ...utf8('e,f')]);
    const { text, problems } = decodeCsvText(bytes);
    expect(problems.map((p) => [p.line, p.code])).toEqual([[2, 'not_utf8'], [4, 'binary_content']]);
    expect(parseCsvRecords(text).records.map((r) => [r.line, r.fields])).toEqual([[1, ['a', 'b']], [3, ['c', 'd']], [5, ['e', 'f']]]);
  });
});
