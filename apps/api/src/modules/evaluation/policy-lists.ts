import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { type EvaluationScheme, type PolicyLever, type PolicyListRow } from '@yuanqu/contracts';
import type { Db } from '../../db/database';
import { notFound } from '../../lib/errors';
import { unitInScope, type Viewer } from '../auth/viewer';
import { neutralise } from '../enterprise/enterprise-columns';
import { policiesFor } from './policies';

/** Who applies a lever: the utility, bank or office the list goes to. */
export const LEVER_NAMES: Record<PolicyLever, string> = {
  land: '用地（自然资源和规划部门）',
  electricity: '用电（供电企业）',
  water: '用水（供水企业）',
  gas: '用气（供气企业）',
  emission: '排污（生态环境部门）',
  credit: '信贷（金融机构）',
  technology: '科技（科技部门）',
  talent: '人力（人力资源部门）',
  funding: '资金（财政及各类扶持）',
};

/**
 * For one lever, every enterprise of the run (in the viewer's scope) a policy of its class applies
 * to, with those policies — the list a utility or bank receives. Ordered by class, then name.
 */
export async function policyList(db: Db, viewer: Viewer, runId: string, lever: PolicyLever): Promise<{ run: { year: number; state: string; schemeName: string }; rows: PolicyListRow[] }> {
  const run = await db.selectFrom('evaluationRun').select(['year', 'state', 'scheme']).where('id', '=', runId).executeTakeFirst();
  if (!run) throw notFound('evaluation run');
  const scheme = JSON.parse(run.scheme) as EvaluationScheme;
  const results = await db
    .selectFrom('evaluationResult as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .innerJoin('unit as u', 'u.id', 'e.unitId')
    .select(['r.enterpriseId', 'e.name', 'e.uscc', 'u.name as unitName', 'u.path', 'r.class', 'r.consecutive'])
    .where('r.runId', '=', runId)
    .where('r.class', 'in', ['A', 'B', 'C', 'D'])
    .orderBy('r.class')
    .orderBy('e.name')
    .execute();
  const rows = results
    .filter((r) => unitInScope(viewer, r.path))
    .map((r) => ({ enterpriseId: r.enterpriseId, name: r.name, uscc: r.uscc, unitName: r.unitName, class: r.class as PolicyListRow['class'], consecutive: r.consecutive, policies: policiesFor(scheme, r.class, r.consecutive).filter((p) => p.lever === lever) }))
    .filter((r) => r.policies.length > 0);
  return { run: { year: run.year, state: run.state, schemeName: scheme.name }, rows };
}

/** The list as a workbook: a title naming the year, the lever and who applies it; one row per enterprise and policy. */
export function policyListWorkbook(list: Awaited<ReturnType<typeof policyList>>, lever: PolicyLever): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const fill = async () => {
    const ws = wb.addWorksheet('执行名单');
    ws.columns = [{ width: 6 }, { width: 34 }, { width: 22 }, { width: 16 }, { width: 10 }, { width: 10 }, { width: 48 }, { width: 10 }, { width: 10 }];
    const draft = list.run.state === 'published' ? '' : '（未发布，仅供核对）';
    const title = ws.addRow([`${list.run.year}年度亩产效益综合评价 差别化政策执行名单 — ${LEVER_NAMES[lever]}${draft}`]);
    title.font = { bold: true, size: 14 };
    title.commit();
    ws.addRow([`评价方案：${neutralise(list.run.schemeName)}`]).commit();
    const header = ws.addRow(['序号', '企业名称', '统一社会信用代码', '所在园区', '评价等级', '连续年数', '政策', '数值', '单位']);
    header.font = { bold: true };
    header.commit();
    let n = 0;
    for (const r of list.rows) {
      for (const p of r.policies) ws.addRow([++n, neutralise(r.name), r.uscc, neutralise(r.unitName), `${r.class}类`, r.consecutive, neutralise(p.text), p.value, p.unit ?? '']).commit();
    }
    ws.commit();
    await wb.commit();
  };
  fill().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
