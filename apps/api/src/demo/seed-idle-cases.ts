import type { Db } from '../db/database';
import { insertRows } from '../db/dialect';
import { newId } from '../lib/ids';

/**
 * The demo's idle-land history (invented, marked in the notes): 云帆 二期 (agreed start 2024-06-30)
 * was found idle in July 2025 and the 规划土地 clerk took the case to a published 土地闲置费
 * decision. Written as data (the audit log records only what really happened on this install);
 * acts later than today are left out. The daily job then finds what is idle today.
 */
const HISTORY: [day: string, stage: string, action: string, document: { kind: string; number: string } | null, note: string | null][] = [
  ['2025-07-01', 'investigation', 'open', null, null],
  ['2025-07-08', 'investigation', 'investigate', { kind: 'investigationNotice', number: '浔自然资调〔2025〕3号' }, '演示数据：向九江云帆智能终端有限公司送达调查通知书'],
  ['2025-08-20', 'determination', 'determine', { kind: 'determination', number: '浔自然资认〔2025〕3号' }, '演示数据：企业未能提供政府原因的证明'],
  ['2025-08-25', 'cause', 'assignCause', null, '演示数据：企业称市场变化、资金未到位'],
  ['2025-09-10', 'plan', 'decide', { kind: 'feeDecision', number: '浔自然资征〔2025〕3号' }, '演示数据：经区政府批准，征缴土地闲置费'],
  ['2025-09-15', 'publication', 'publish', null, '演示数据：已在区政府门户网站公开'],
];
const NEXT: Record<string, string> = { open: 'investigation', investigate: 'determination', determine: 'cause', assignCause: 'plan', decide: 'publication', publish: 'remedy' };

export async function seedDemoIdleCases(db: Db, clerk: string, today: string, now: string): Promise<void> {
  const steps = HISTORY.filter(([day]) => day <= today);
  if (steps.length === 0) return;
  const parcel = await db.selectFrom('parcel').select(['id', 'holderEnterpriseId', 'priceYuan']).where('name', '=', '云帆智能终端二期地块（演示数据）').executeTakeFirst();
  if (!parcel) return;
  const id = newId();
  const decided = steps.some(([, , action]) => action === 'decide');
  const price = parcel.priceYuan === null ? null : Number(parcel.priceYuan);
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'idleCase', [{
      id, parcelId: parcel.id, holderEnterpriseId: parcel.holderEnterpriseId, kind: 'idleFee', rule: 'notStarted', idleSince: '2025-06-30', priceYuan: price,
      feeYuan: price === null ? null : Math.round(price * 0.2), cause: steps.length > 3 ? 'holder' : null, option: null, decision: decided ? 'fee' : null,
      stage: NEXT[steps.at(-1)![2]]!, outcome: null, openedOn: '2025-07-01', version: steps.length, createdAt: now, updatedAt: now,
    }]);
    await insertRows(trx, 'idleCaseStep', steps.map(([day, stage, action, document, note], i) => ({
      id: newId(), caseId: id, stage, action, doneOn: day, actor: action === 'open' ? 'system' : clerk, document: document ? JSON.stringify(document) : null, note,
      detail: action === 'decide' ? JSON.stringify({ decision: 'fee', feeYuan: price === null ? null : Math.round(price * 0.2) }) : null, createdAt: `${now.slice(0, 19)}.${String(i).padStart(3, '0')}Z`,
    })));
  });
}
