import type { staffScheduleZhCN } from './staff-schedule.zh-CN.js';

/** English for `staff-schedule.zh-CN.ts`: the same keys (the compiler checks it). */
export const staffScheduleEn: Record<keyof typeof staffScheduleZhCN, string> = {
};
