import type { lendingInventoryZhCN } from './lending-inventory.zh-CN.js';

/** English for `lending-inventory.zh-CN.ts`: the same keys (the compiler checks it). */
export const lendingInventoryEn: Record<keyof typeof lendingInventoryZhCN, string> = {
};
