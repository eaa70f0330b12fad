import { DISPOSAL_TRANSITIONS, KINDS_WITH_INCOMING, type DisposalKind, type DisposalState } from '@yuanqu/contracts';

/** 拟定 and 实施中 cases are open: their milestones can still be ticked and their deadlines missed. */
export const isOpen = (state: DisposalState): boolean => state === 'draft' || state === 'inProgress';

interface MilestoneFacts {
  dueOn: string | null;
  doneOn: string | null;
}

/** A milestone not done by its due date, judged on `today` (China date), while its case is open. */
export function milestoneOverdue(m: MilestoneFacts, state: DisposalState, today: string): boolean {
  return isOpen(state) && m.doneOn === null && m.dueOn !== null && m.dueOn < today;
}

/** A case still open after its deadline. */
export function caseOverdue(c: { state: DisposalState; deadlineOn: string | null }, today: string): boolean {
  return isOpen(c.state) && c.deadlineOn !== null && c.deadlineOn < today;
}

/** Progress is milestones done of all milestones. */
export function progressOf(milestones: MilestoneFacts[]): { done: number; total: number } {
  return { done: milestones.filter((m) => m.doneOn !== null).length, total: milestones.length };
}

export type StateChangeProblem = 'transition' | 'dateInFuture' | 'dateBeforeLast' | 'openMilestones' | 'noteRequired' | 'recoverNotAllowed';

/**
 * Why a case may not move from `from` to `to` on day `on`, or null when it may: the move must be
 * one DISPOSAL_TRANSITIONS allows, dated no later than today and no earlier than the last move;
 * completion needs every milestone done; termination needs a reason; only a 协商收回 case being
 * completed may record its parcels as 收回.
 */
export function stateChangeProblem(c: {
  kind: DisposalKind;
  from: DisposalState;
  to: DisposalState;
  on: string;
  lastSince: string;
  today: string;
  openMilestones: number;
  note: string | null;
  recoverParcels: boolean;
}): StateChangeProblem | null {
  if (!DISPOSAL_TRANSITIONS[c.from].includes(c.to)) return 'transition';
  if (c.on > c.today) return 'dateInFuture';
  if (c.on < c.lastSince) return 'dateBeforeLast';
  if (c.to === 'completed' && c.openMilestones > 0) return 'openMilestones';
  if (c.to === 'terminated' && !c.note) return 'noteRequired';
  if (c.recoverParcels && (c.to !== 'completed' || c.kind !== 'negotiatedRecovery')) return 'recoverNotAllowed';
  return null;
}

/** Only 腾笼换鸟 and 兼并提效 name an incoming enterprise or project. */
export function incomingAllowed(kind: DisposalKind, incoming: { enterpriseId: string | null; project: string | null }): boolean {
  return KINDS_WITH_INCOMING.includes(kind) || (incoming.enterpriseId === null && incoming.project === null);
}

/** The next case code of a year, CZ-2026-001, after the codes of that year already taken. */
export function nextCaseCode(year: string, taken: string[]): string {
  const prefix = `CZ-${year}-`;
  const last = taken.filter((c) => c.startsWith(prefix)).reduce((n, c) => Math.max(n, Number(c.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(last + 1).padStart(3, '0')}`;
}
