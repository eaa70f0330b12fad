import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { apiLogIn, findEnterprise, logIn, mainMenu } from '../helpers/session';
import { readFirstSheet } from '../helpers/xlsx';

test('the statistics office imports figures, confirms the warning they raise, and exports the table', async ({ page, request }, testInfo) => {
  await apiLogIn(request, 'stats');
  const qixin = await findEnterprise(request, '齐鑫');
  const { uscc } = (await (await request.get(`/api/v1/enterprises/${qixin.id}`)).json()) as { uscc: string };

  await logIn(page, 'stats');
  await mainMenu(page).getByRole('menuitem', { name: '数据审核' }).click();
  await page.getByRole('button', { name: '导入统计数据' }).click();
  const dialog = page.getByRole('dialog', { name: '导入统计数据' });

  const templateDownload = page.waitForEvent('download');
  await dialog.getByRole('link', { name: '下载导入模板' }).click();
  const templatePath = testInfo.outputPath('template.xlsx');
  await (await templateDownload).saveAs(templatePath);
  expect((await readFirstSheet(templatePath)).rows[0]!.slice(0, 4)).toEqual(['统一社会信用代码', '企业名称', '报告期', '主营业务收入(万元)']);

  // 1-6月 revenue far below what already counts for 1-5月: a cumulative value cannot fall.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('统计数据');
  ws.addRow(['统一社会信用代码', '报告期', '主营业务收入(万元)']);
  ws.addRow([uscc, '2025年1-6月', '12.5']);
  const file = testInfo.outputPath('figures.xlsx');
  await wb.xlsx.writeFile(file);
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByText('将文件拖到此处，或点击选择文件').click();
  await (await chooser).setFiles(file);
  await dialog.getByRole('button', { name: '开始导入' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: '文件中有 1 处数据需要核实，尚未写入' })).toBeVisible();
  await expect(dialog.getByRole('row').filter({ hasText: `${uscc} · 2025年1-6月` })).toContainText('主营业务收入');
  await dialog.getByRole('button', { name: '已核实，确认导入' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: '导入完成：新增 0 份，更正 1 份，未变化 0 份。' })).toBeVisible();
  const counted = await request.get(`/api/v1/statistics/enterprises/${qixin.id}/figures`, { params: { year: 2025 } });
  const june = ((await counted.json()) as { periods: { period: string; values: { mainRevenue: number } }[] }).periods.find((p) => p.period === '2025-06');
  expect(june?.values.mainRevenue).toBe(125_000);
  await dialog.getByRole('button', { name: '关闭', exact: true }).last().click();

  await mainMenu(page).getByRole('menuitem', { name: '统计分析' }).click();
  const exportDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const exported = testInfo.outputPath('summary.xlsx');
  await (await exportDownload).saveAs(exported);
  const sheet = await readFirstSheet(exported);
  expect(sheet.rows.some((r) => r[0] === '合计')).toBe(true);
});
