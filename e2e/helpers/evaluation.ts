import { expect, type Page } from '@playwright/test';
import { mainMenu } from './session';

/** Picks an option of a labelled el-select as a person does. */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  // A select without search shows its value over the input; a person clicks that, where the input lies.
  await page.getByLabel(label, { exact: true }).click({ force: true });
  const choice = page.getByRole('option', { name: option, exact: typeof option === 'string' }).filter({ visible: true });
  await choice.click();
  // The list closes before the next field is used (its popper would take the next click).
  await expect(choice).toBeHidden();
}

/** 新建评价 for a year (under the given scheme version, else the dialog's default): the missing-data step first, then the run is computed and opened; returns the run's id. */
export async function createRun(page: Page, year: number, expectLacking: { n: number; name?: string }, scheme?: string | RegExp): Promise<string> {
  await mainMenu(page).getByRole('menuitem', { name: '评价批次' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '评价批次' })).toBeVisible();
  await page.getByRole('button', { name: '新建评价' }).click();
  const dialog = page.getByRole('dialog', { name: '新建评价' });
  if (scheme) await choose(page, '评价方案', scheme);
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
  return page.url().split('/runs/')[1]!.split(/[?#]/)[0]!;
}
