/** zh-CN messages: Assisted employment (work logs, pay rules, pay sheets) and rehabilitation plans. Merged into the catalogue by `../zh-CN.ts`. */
export const employmentZhCN = {
} as const;
