import type { RunAction, RunState } from '@yuanqu/contracts';

/** The state each action leads to, from the states it is allowed in. */
const MOVES: Record<RunAction, { from: readonly RunState[]; to: RunState }> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted', 'approved'], to: 'draft' },
  publish: { from: ['approved'], to: 'published' },
};

export type TransitionProblem = 'notAllowedInState' | 'reviewerIsSubmitter';

/**
 * Whether `actor` may take `action` on a run: each action from its states only, and the
 * approval by someone other than who submitted it (two people see every published result).
 */
export function transitionProblem(run: { state: string; submittedBy: string | null }, action: RunAction, actor: string): TransitionProblem | null {
  if (!MOVES[action].from.includes(run.state as RunState)) return 'notAllowedInState';
  if (action === 'approve' && run.submittedBy === actor) return 'reviewerIsSubmitter';
  return null;
}

export const nextState = (action: RunAction): RunState => MOVES[action].to;

/** Staff adjust a run only while it is a draft. */
export const adjustable = (state: string) => state === 'draft';
