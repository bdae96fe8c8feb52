/** zh-CN messages: Member screens for sessions: today for you, this week, sign-up and waiting list. Merged into the catalogue by `../zh-CN.ts`. */
export const memberSessionsZhCN = {
} as const;
