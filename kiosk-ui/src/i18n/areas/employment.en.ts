import type { employmentZhCN } from './employment.zh-CN.js';

/** English for `employment.zh-CN.ts`: the same keys (the compiler checks it). */
export const employmentEn: Record<keyof typeof employmentZhCN, string> = {
};
