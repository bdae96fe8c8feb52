/** Integer fen ⇄ yuan text for staff forms and sheets; never floating point money. */

/** 1275 → "12.75". */
export function yuan(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.75", "12.7", "12" → fen; anything else (more than 2 decimals, signs, letters) → null. */
export function fenFromYuan(text: string): number | null {
  const m = /^\s*(\d{1,5})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
