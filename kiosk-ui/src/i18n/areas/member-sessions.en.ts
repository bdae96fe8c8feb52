import type { memberSessionsZhCN } from './member-sessions.zh-CN.js';

/** English for `member-sessions.zh-CN.ts`: the same keys (the compiler checks it). */
export const memberSessionsEn: Record<keyof typeof memberSessionsZhCN, string> = {
};
