import type { RunAction, RunState, RunSummary } from '@yuanqu/contracts';
import { ApiError } from '../../api/client';

/** The actions a run offers in its state (the API checks the same, and that the approver is not the submitter). */
export function actionsFor(state: RunState): RunAction[] {
  if (state === 'draft') return ['submit'];
  if (state === 'submitted') return ['approve', 'return'];
  if (state === 'approved') return ['publish', 'return'];
  return [];
}

/** The review step the run has reached, for el-steps (0 computed … 3 published). */
export function reviewStep(run: Pick<RunSummary, 'state'>): number {
  return { draft: 0, submitted: 1, approved: 2, published: 3, superseded: 3 }[run.state];
}

/** A state's tag colour. */
export function stateType(state: RunState): 'info' | 'warning' | 'primary' | 'success' | 'danger' {
  return ({ draft: 'info', submitted: 'warning', approved: 'primary', published: 'success', superseded: 'danger' } as const)[state];
}

const PROBLEMS = ['notAllowedInState', 'notDraft', 'notInScheme', 'alreadyExempt', 'duplicateVeto', 'notInRun', 'objectionOpen', 'alreadyAnswered'];

/** The locale key of a refusal the API explains by `details.reason`, or null for any other failure. */
export function reviewProblem(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return null;
  const reason = (error.details as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' && PROBLEMS.includes(reason) ? `evaluationReview.problems.${reason}` : null;
}
