/** zh-CN messages: Volunteers, partner organisations and the satisfaction question. Merged into the catalogue by `../zh-CN.ts`. */
export const communityZhCN = {
} as const;
