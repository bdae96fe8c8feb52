/** zh-CN messages: Staff screens for sessions: week planner, session editor, roster and attendance, leave. Merged into the catalogue by `../zh-CN.ts`. */
export const staffScheduleZhCN = {
} as const;
