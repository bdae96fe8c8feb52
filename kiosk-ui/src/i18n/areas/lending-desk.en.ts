import type { lendingDeskZhCN } from './lending-desk.zh-CN.js';

/** English for `lending-desk.zh-CN.ts`: the same keys (the compiler checks it). */
export const lendingDeskEn: Record<keyof typeof lendingDeskZhCN, string> = {
};
