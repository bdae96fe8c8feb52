/** zh-CN messages: lending-desk (filled by its screens). Merged into the catalogue by `../zh-CN.ts`. */
export const lendingDeskZhCN = {
} as const;
