import { expect, test } from '@playwright/test';
import { choose, createRun } from '../helpers/evaluation';
import { readFirstSheet } from '../helpers/xlsx';
import { apiLogIn, logIn } from '../helpers/session';

const HONGLI = '九江鸿利达新材料有限公司';
const XUNXIN = '九江浔芯电路科技有限公司';

test('statistics staff run the 2022 evaluation, read a D’s explanation, export it, and compare with 2021', async ({ page, request }, testInfo) => {
  await logIn(page, 'stats');
  const runId = await createRun(page, 2022, { n: 0 });

  // 排名: 规上 first, the top one A; then the 规下 group with its own A.
  const table = page.locator('.el-table').first();
  await expect(page.getByText('共 15 家')).toBeVisible();
  const top = page.getByRole('row').filter({ has: page.getByRole('link', { name: XUNXIN, exact: true }) });
  await expect(top.locator('.el-tag', { hasText: /^A$/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '亩均税收（万元/亩）' })).toBeVisible();
  await choose(page, '评价组', '规下工业企业（用地 3 亩及以上）');
  await expect(page.getByText('共 12 家')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '单位电耗税收（元/千瓦时）' })).toBeVisible();
  await expect(table.locator('.el-tag', { hasText: /^A$/ })).toHaveCount(1);
  await expect(table.locator('.el-tag', { hasText: /^T$/ })).toHaveCount(5);

  // Only the D of 规上.
  await choose(page, '评价组', '规上工业企业');
  await choose(page, '等级', 'D类');
  await expect(page.getByText('共 1 家')).toBeVisible();
  // The result page asks for this one enterprise's result, not the whole run.
  const asked = page.waitForResponse((r) => r.url().includes(`/api/v1/evaluation/runs/${runId}?enterpriseId=`));
  await page.getByRole('link', { name: HONGLI, exact: true }).click();
  expect(((await (await asked).json()) as { results: unknown[] }).results).toHaveLength(1);

  // 为什么是 D 类: rank, the gap to C, the indicators that pulled it down.
  await apiLogIn(request, 'stats');
  const run = (await (await request.get(`/api/v1/evaluation/runs/${runId}`)).json()) as { results: { name: string; rank: number; nextClass: { class: string; total: number; gap: number } }[] };
  const hongli = run.results.find((r) => r.name === HONGLI)!;
  await expect(page.getByRole('heading', { level: 1, name: `${HONGLI} · 2022年度亩产效益评价` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '为什么是 D 类' })).toBeVisible();
  await expect(page.getByText(`规上工业企业 第 ${hongli.rank} 名 / 共 15 家`)).toBeVisible();
  await expect(page.getByText(`距 ${hongli.nextClass.class} 类还差 ${hongli.nextClass.gap.toFixed(2)} 分（需 ${hongli.nextClass.total.toFixed(2)} 分）`)).toBeVisible();
  await expect(page.getByRole('region', { name: '拉低得分的指标' }).getByRole('listitem').first()).toContainText('比满分少');
  await page.getByRole('link', { name: '← 返回排名' }).click();

  // The workbook a committee publishes: title, scheme, and the D at the bottom of 规上.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const file = await download;
  const path = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const sheet = await readFirstSheet(path);
  expect(sheet.name).toBe('规上工业企业');
  expect(sheet.rows[0]![0]).toBe('2022年度 工业企业亩产效益综合评价结果');
  expect(sheet.rows[1]![0]).toContain('参考方案，待按本地细则校准');
  const header = sheet.rows[2]!;
  const row = sheet.rows.find((r) => r[1] === HONGLI)!;
  expect(row[header.indexOf('排名')]).toBe(String(hongli.rank));
  expect(row[header.indexOf('等级')]).toBe('D');
  expect(sheet.rows.at(-1)![1]).toBe(HONGLI);

  // The 2021 run (two young firms had no annual report yet), then 2022 against it.
  await createRun(page, 2021, { n: 2, name: '九江云帆智能终端有限公司' });
  await page.goto(`/evaluation/runs/${runId}?tab=compare`);
  await expect(page.locator('.baseline')).toContainText('2021年度');
  const up = page.getByRole('region', { name: '上升（2 家）' });
  await expect(up.getByRole('row').filter({ hasText: '中铁九桥工程有限公司' })).toContainText(/C\s*\d+\.\d{2}.*B\s*\d+\.\d{2}/);
  await expect(up).toContainText('九江长江船舶配件有限公司');
  const down = page.getByRole('region', { name: '下降（2 家）' });
  await expect(down).toContainText('九江浔环环保设备有限公司');
  await expect(down).toContainText('九江鑫鹰人防设备有限公司');
  await expect(page.getByRole('region', { name: '等级变动' })).toContainText('上升 2 家，下降 2 家');
});
