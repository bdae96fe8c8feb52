/** zh-CN messages: lending-inventory (filled by its screens). Merged into the catalogue by `../zh-CN.ts`. */
export const lendingInventoryZhCN = {
} as const;
