/** Staff calls for assisted employment and rehabilitation plans (`/api/staff/employment`, `/api/staff/rehab`). */
import type {
  EmploymentTask, GoalProgress, PayBasis, PayPreview, PayRule, PaySheet, PaySheetMember, RehabGoal, RehabNote, RehabOverview,
  RehabPlanSummary, WorkLog,
} from '../../../edge-server/src/api-types.js';
import { request } from './client.js';

export type {
  EmploymentTask, GoalProgress, PayBasis, PayPreview, PayRule, PaySheet, PaySheetMember, RehabGoal, RehabNote, RehabOverview, RehabPlanSummary, WorkLog,
};

export interface WorkInput { memberId: string; taskId: string; date: string; minutes: number; pieces: number }
export interface RuleInput { basis: PayBasis; rateCents: number; effectiveFrom: string }
export interface GoalInput { goalId?: string; text: string; targetDate?: string | null }
export interface NoteInput { sessionId?: string | null; date: string; note: string; ratings: { goalId: string; rating: number }[] }

const EMP = '/api/staff/employment';
const path = (id: string) => encodeURIComponent(id);

function sheetQuery(month: string, memberId?: string): string {
  const q = new URLSearchParams({ month });
  if (memberId) q.set('memberId', memberId);
  return q.toString();
}

export const employmentApi = {
  tasks: (signal?: AbortSignal) => request<{ tasks: EmploymentTask[] }>('GET', `${EMP}/tasks`, undefined, signal),
  addTask: (name: string, rule: RuleInput) => request<EmploymentTask>('POST', `${EMP}/tasks`, { name, ...rule }),
  addRule: (taskId: string, rule: RuleInput) => request<EmploymentTask>('POST', `${EMP}/tasks/${path(taskId)}/rules`, rule),
  preview: (work: Omit<WorkInput, 'memberId'>, signal?: AbortSignal) => {
    const q = new URLSearchParams({ taskId: work.taskId, date: work.date, minutes: String(work.minutes), pieces: String(work.pieces) });
    return request<PayPreview>('GET', `${EMP}/pay-preview?${q}`, undefined, signal);
  },
  logWork: (work: WorkInput) => request<WorkLog>('POST', `${EMP}/work-logs`, work),
  logsOn: (date: string, signal?: AbortSignal) =>
    request<{ logs: WorkLog[] }>('GET', `${EMP}/work-logs?date=${encodeURIComponent(date)}`, undefined, signal),
  voidLog: (id: string, reason: string) => request<WorkLog>('POST', `${EMP}/work-logs/${path(id)}/void`, { reason }),
  paySheet: (month: string, memberId?: string, signal?: AbortSignal) =>
    request<PaySheet>('GET', `${EMP}/pay-sheet?${sheetQuery(month, memberId)}`, undefined, signal),
  /** A plain link (the browser downloads it with the staff cookie). */
  paySheetCsvUrl: (month: string, memberId?: string) => `${EMP}/pay-sheet.csv?${sheetQuery(month, memberId)}`,
};

const REHAB = '/api/staff/rehab';

export const rehabApi = {
  plans: (signal?: AbortSignal) => request<{ plans: RehabPlanSummary[] }>('GET', `${REHAB}/plans`, undefined, signal),
  overview: (memberId: string, signal?: AbortSignal) => request<RehabOverview>('GET', `${REHAB}/members/${path(memberId)}`, undefined, signal),
  setPlan: (memberId: string, goals: GoalInput[]) => request<RehabOverview>('POST', `${REHAB}/members/${path(memberId)}/plan`, { goals }),
  addNote: (memberId: string, note: NoteInput) => request<RehabOverview>('POST', `${REHAB}/members/${path(memberId)}/notes`, note),
};
