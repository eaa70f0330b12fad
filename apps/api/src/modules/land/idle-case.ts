import { IDLE_PROCEDURE, type IdleCase, type IdleCaseAction, type IdleCaseStage, type IdleCaseStep, type IdleCause } from '@yuanqu/contracts';
import { AppError } from '../../lib/errors';

type Action = IdleCaseAction['action'];
type Deadline = IdleCase['deadlines'][number];

/** What may be recorded in each stage; the plan stage depends on whose fault the idling was. */
export function actionsFor(stage: IdleCaseStage, cause: IdleCause | null): Action[] {
  switch (stage) {
    case 'investigation':
      return ['investigate'];
    case 'determination':
      return ['determine', 'dismiss'];
    case 'cause':
      return ['assignCause'];
    case 'plan':
      return cause === 'holder' ? ['decide'] : ['chooseOption'];
    case 'publication':
      return ['publish'];
    case 'remedy':
      return ['appeal', 'close'];
    case 'closed':
      return [];
  }
}

/** The stage after an act (an appeal keeps the case in 救济). */
export function nextStage(action: Action): IdleCaseStage {
  const next: Record<Action, IdleCaseStage> = {
    investigate: 'determination',
    determine: 'cause',
    dismiss: 'closed',
    assignCause: 'plan',
    decide: 'publication',
    chooseOption: 'publication',
    publish: 'remedy',
    appeal: 'remedy',
    close: 'closed',
  };
  return next[action];
}

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The procedure's dates, computed from the steps: the investigation within 30 days of opening, the
 * holder's answer within 30 days of the notice, then from the decision (or the chosen option) 30
 * days to pay or hand back the title, 60 days for 行政复议 and six months for 行政诉讼.
 */
export function deadlines(c: { stage: IdleCaseStage; openedOn: string; steps: Pick<IdleCaseStep, 'action' | 'doneOn'>[] }, today: string): Deadline[] {
  const at = (action: Action) => c.steps.find((s) => s.action === action)?.doneOn;
  const out: Omit<Deadline, 'passed'>[] = [];
  if (c.stage === 'investigation') out.push({ key: 'investigation', dueOn: addDays(c.openedOn, IDLE_PROCEDURE.investigationDays) });
  const notice = at('investigate');
  if (c.stage === 'determination' && notice) out.push({ key: 'response', dueOn: addDays(notice, IDLE_PROCEDURE.responseDays) });
  const decided = at('decide') ?? at('chooseOption');
  if (decided && (c.stage === 'publication' || c.stage === 'remedy')) {
    out.push({ key: 'compliance', dueOn: addDays(decided, IDLE_PROCEDURE.complianceDays) });
    if (at('decide')) {
      out.push({ key: 'review', dueOn: addDays(decided, IDLE_PROCEDURE.reviewDays) });
      out.push({ key: 'lawsuit', dueOn: addMonths(decided, IDLE_PROCEDURE.lawsuitMonths) });
    }
  }
  return out.map((d) => ({ ...d, passed: today > d.dueOn }));
}

/** Refuses an act the stage does not allow, or an ending that does not follow from the decision. */
export function assertAllowed(c: { stage: IdleCaseStage; cause: IdleCause | null; decision: 'fee' | 'recovery' | null }, a: IdleCaseAction): void {
  if (!actionsFor(c.stage, c.cause).includes(a.action)) throw new AppError('VALIDATION', `“${a.action}” is not possible in stage “${c.stage}”`, { field: 'action', reason: 'wrongStage' });
  if (a.action !== 'close') return;
  const fits =
    a.outcome === 'decisionRevoked' ||
    (a.outcome === 'feePaid' && c.decision === 'fee') ||
    (a.outcome === 'landRecovered' && (c.decision === 'recovery' || c.cause !== 'holder')) ||
    (a.outcome === 'optionCarriedOut' && c.cause !== 'holder');
  if (!fits) throw new AppError('VALIDATION', 'this ending does not follow from the decision', { field: 'outcome', reason: 'outcomeMismatch' });
}
