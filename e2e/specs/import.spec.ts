import { expect, test, type Page } from '@playwright/test';
import { logIn, mainMenu } from '../helpers/session';
import { IMPORT_HEADERS, readFirstSheet, runTag, uscc, writeImportFile, type SheetRow } from '../helpers/xlsx';

/** The number in the list's "共 N 家", once the list has loaded. */
async function listTotal(page: Page): Promise<number> {
  const total = page.getByText(/^共 \d+ 家$/);
  await expect(page.getByRole('main').getByRole('table').getByRole('link').first()).toBeVisible();
  return Number((await total.innerText()).replace(/\D/g, ''));
}

/** Chooses a file through the upload area's file chooser, as a person clicking it would. */
async function chooseFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog', { name: '导入企业' }).getByText('将文件拖到此处，或点击选择文件').click();
  await (await chooser).setFiles(path);
}

test('staff import a workbook: every problem is listed and nothing written, then the fixed file imports and exports back', async ({ page }, testInfo) => {
  const tag = `E2E${runTag()}`;
  const good: SheetRow[] = [1, 2, 3, 4, 5].map((n) => ({
    统一社会信用代码: uscc(`${tag.slice(1)}0${n}`),
    企业名称: `九江${tag}测试${n}有限公司`,
    法定代表人: '测试员',
    注册地址: `江西省九江市浔阳区滨江东路9${n}0号`,
    '所属园区/功能区': n <= 3 ? '高端制造功能区' : '数字经济功能区',
    '产业(3+3)': n <= 2 ? '新材料' : n === 3 ? '装备制造' : '数字经济',
    国民经济行业代码: n <= 2 ? '3062' : n === 3 ? '3491' : '3982',
    企业类型: '工业企业',
    规模: n % 2 ? '规上' : '规下',
    成立日期: `2019-0${n}-15`,
    两高项目: '否',
    已上云: n === 4 ? '是' : '否',
    '装备数控化率(%)': String(40 + n),
    联系人: '王测试',
    联系电话: `0792-82${n}0000`,
  }));
  // Three of the five rows are wrong, each in a way a clerk gets wrong: a mistyped code, a zone
  // that does not exist, a scale that is not one of the two allowed.
  const goodCode = good[1]!.统一社会信用代码!;
  const mistyped = goodCode.slice(0, 17) + (goodCode[17] === '1' ? '2' : '1');
  const bad: SheetRow[] = good.map((row) => ({ ...row }));
  bad[1]!.统一社会信用代码 = mistyped;
  bad[2]!['所属园区/功能区'] = '火星功能区';
  bad[4]!.规模 = '中型';
  const badPath = testInfo.outputPath('enterprises-with-errors.xlsx');
  const goodPath = testInfo.outputPath('enterprises.xlsx');
  await writeImportFile(badPath, bad);
  await writeImportFile(goodPath, good);

  await logIn(page, 'stats');
  await mainMenu(page).getByRole('menuitem', { name: '企业库' }).click();
  const before = await listTotal(page);

  await page.getByRole('button', { name: '导入', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导入企业' });
  await expect(dialog).toBeVisible();

  // The template is a real workbook with the import columns in its header row.
  const templateDownload = page.waitForEvent('download');
  await dialog.getByRole('link', { name: '下载导入模板' }).click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
  const templatePath = testInfo.outputPath(template.suggestedFilename());
  await template.saveAs(templatePath);
  const templateSheet = await readFirstSheet(templatePath);
  expect(templateSheet.rows[0]).toEqual([...IMPORT_HEADERS]);
  expect(templateSheet.rows).toHaveLength(1);

  // The faulty file: all three problems at once, by row, column, value and reason.
  await chooseFile(page, badPath);
  await dialog.getByRole('button', { name: '开始导入' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: '文件中有 3 处问题，没有写入任何数据' })).toBeVisible();
  const problemRows = dialog.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(problemRows).toHaveCount(3);
  const problem = (row: number) => problemRows.filter({ has: page.getByRole('cell', { name: String(row), exact: true }) });
  await expect(problem(3)).toContainText('统一社会信用代码');
  await expect(problem(3)).toContainText(mistyped);
  await expect(problem(3)).toContainText('统一社会信用代码校验位不正确');
  await expect(problem(4)).toContainText('所属园区/功能区');
  await expect(problem(4)).toContainText('火星功能区');
  await expect(problem(4)).toContainText('不是您管理范围内的园区或功能区名称');
  await expect(problem(6)).toContainText('规模');
  await expect(problem(6)).toContainText('中型');
  await expect(problem(6)).toContainText('应为：规上、规下');

  // Nothing was written: not even the two good rows.
  await dialog.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  expect(await listTotal(page)).toBe(before);
  await page.getByLabel('搜索企业').fill(tag);
  await page.getByLabel('搜索企业').press('Enter');
  await expect(page.getByText('共 0 家', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '重置' }).click();
  await expect(page.getByText(`共 ${before} 家`, { exact: true })).toBeVisible();

  // The fixed file goes in whole.
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await chooseFile(page, goodPath);
  await dialog.getByRole('button', { name: '开始导入' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: '导入完成：新增 5 家，更新 0 家，未变化 0 家。' })).toBeVisible();
  await expect(dialog.getByRole('row')).toHaveCount(0);
  await dialog.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.getByText(`共 ${before + 5} 家`, { exact: true })).toBeVisible();

  await page.getByLabel('搜索企业').fill(tag);
  await page.getByLabel('搜索企业').press('Enter');
  await expect(page.getByText('共 5 家', { exact: true })).toBeVisible();
  const table = page.getByRole('main').getByRole('table');
  await expect(table.getByRole('link')).toHaveText(good.map((r) => r.企业名称!));
  await expect(table.getByRole('row').filter({ hasText: `九江${tag}测试1有限公司` })).toContainText(good[0]!.统一社会信用代码!);

  // Filter by industry: the export holds exactly the enterprises the filtered list shows.
  await page.getByRole('button', { name: '重置' }).click();
  await expect(page.getByText(`共 ${before + 5} 家`, { exact: true })).toBeVisible();
  const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/enterprises?') && r.url().includes('industryChain=newMaterials'));
  await page.getByLabel('"3+3"产业').click();
  await page.getByRole('option', { name: '新材料', exact: true }).filter({ visible: true }).click();
  const { total } = (await (await filtered).json()) as { total: number };
  await expect(page.getByText(`共 ${total} 家`, { exact: true })).toBeVisible();
  expect(total).toBeGreaterThanOrEqual(2);
  expect(total).toBeLessThan(before + 5);
  const listed = table.getByRole('link');
  await expect(listed).toHaveCount(total);
  const shownNames = await listed.allInnerTexts();
  expect(shownNames).toContain(good[0]!.企业名称);
  expect(shownNames).toContain(good[1]!.企业名称);
  expect(shownNames).not.toContain(good[2]!.企业名称);

  const exportDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出Excel' }).click();
  const exported = await exportDownload;
  expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
  const exportPath = testInfo.outputPath(exported.suggestedFilename());
  await exported.saveAs(exportPath);
  const sheet = await readFirstSheet(exportPath);
  const [header, ...rows] = sheet.rows;
  expect(header?.slice(0, IMPORT_HEADERS.length)).toEqual([...IMPORT_HEADERS]);
  expect(rows).toHaveLength(total);
  const nameAt = IMPORT_HEADERS.indexOf('企业名称');
  const chainAt = IMPORT_HEADERS.indexOf('产业(3+3)');
  expect(rows.map((r) => r[nameAt]).sort()).toEqual([...shownNames].sort());
  expect(new Set(rows.map((r) => r[chainAt]))).toEqual(new Set(['新材料']));
});
