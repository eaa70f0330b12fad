import type { IdleCase, IdleCaseAction } from '@yuanqu/contracts';

type Deadline = IdleCase['deadlines'][number];

/** The stages shown as steps; 救济 and 结案 share the last step. */
export const STEP_STAGES = ['investigation', 'determination', 'cause', 'plan', 'publication', 'remedy'] as const;

export function stepIndex(c: Pick<IdleCase, 'stage'>): number {
  return c.stage === 'closed' ? STEP_STAGES.length : STEP_STAGES.indexOf(c.stage);
}

/**
 * The deadline to show in the list: the first one still running; or, before a decision, one that
 * has passed (the committee is late); windows that have run out after a decision need no reminder.
 */
export function nextDeadline(c: Pick<IdleCase, 'deadlines' | 'stage'>): Deadline | null {
  const running = c.deadlines.find((d) => !d.passed);
  if (running) return running;
  const late = c.deadlines.find((d) => d.key === 'investigation' || d.key === 'response');
  return late ?? null;
}

/** What the form asks for each act (the server dates and signs it). */
export interface ActFields {
  document: boolean;
  cause: boolean;
  option: boolean;
  appeal: boolean;
  outcome: boolean;
  noteRequired: boolean;
}

export function fieldsFor(action: IdleCaseAction['action']): ActFields {
  return {
    document: ['investigate', 'determine', 'decide', 'chooseOption'].includes(action),
    cause: action === 'assignCause',
    option: action === 'chooseOption',
    appeal: action === 'appeal',
    outcome: action === 'close',
    noteRequired: action === 'dismiss',
  };
}

/** The endings the decision allows (the server refuses the others). */
export function outcomesFor(c: Pick<IdleCase, 'cause' | 'steps'>): ('feePaid' | 'landRecovered' | 'optionCarriedOut' | 'decisionRevoked')[] {
  const decision = c.steps.find((s) => s.action === 'decide')?.detail?.decision;
  if (c.cause === 'holder') return decision === 'fee' ? ['feePaid', 'decisionRevoked'] : ['landRecovered', 'decisionRevoked'];
  return ['optionCarriedOut', 'landRecovered', 'decisionRevoked'];
}
