import type { communityZhCN } from './community.zh-CN.js';

/** English for `community.zh-CN.ts`: the same keys (the compiler checks it). */
export const communityEn: Record<keyof typeof communityZhCN, string> = {
};
