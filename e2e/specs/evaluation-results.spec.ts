import { expect, test, type Page } from '@playwright/test';
import { readFirstSheet } from '../helpers/xlsx';
import { apiLogIn, logIn, mainMenu } from '../helpers/session';

const HONGLI = '九江鸿利达新材料有限公司';
const XUNXIN = '九江浔芯电路科技有限公司';

async function choose(page: Page, label: string, option: string): Promise<void> {
  // A select without search shows its value over the input; a person clicks that, where the input lies.
  await page.getByLabel(label, { exact: true }).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).filter({ visible: true }).click();
}

/** 新建评价 for a year: the missing-data step first, then the run is computed and opened. */
async function createRun(page: Page, year: number, expectLacking: { n: number; name?: string }): Promise<void> {
  await mainMenu(page).getByRole('menuitem', { name: '评价批次' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '评价批次' })).toBeVisible();
  await page.getByRole('button', { name: '新建评价' }).click();
  const dialog = page.getByRole('dialog', { name: '新建评价' });
  await choose(page, '评价年度', `${year}年度`);
  await expect(dialog.getByRole('button', { name: '确认并计算' })).toBeDisabled();
  await dialog.getByRole('button', { name: '检查数据' }).click();
  const picture = dialog.getByRole('region', { name: '数据情况' });
  await expect(picture).toContainText(`${year}年度共 27 家工业企业`);
  await expect(picture).toContainText(`缺报（${expectLacking.n} 家）`);
  if (expectLacking.name) await expect(picture.getByRole('row').filter({ hasText: expectLacking.name })).toContainText('未报送年报（1-12月）');
  else await expect(picture).toContainText('参评企业的年报及评价所需数据均已齐全');
  await dialog.getByRole('button', { name: '确认并计算' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${year}年度 亩产效益评价` })).toBeVisible();
}

test('statistics staff run the 2022 evaluation, read a D’s explanation, export it, and compare with 2021', async ({ page, request }, testInfo) => {
  await logIn(page, 'stats');
  await createRun(page, 2022, { n: 0 });
  const runId = page.url().split('/runs/')[1]!.split(/[?#]/)[0]!;

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
  await page.getByRole('link', { name: HONGLI, exact: true }).click();

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
