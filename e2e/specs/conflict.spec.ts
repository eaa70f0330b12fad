import { expect, test, type Page } from '@playwright/test';
import { logIn, mainMenu } from '../helpers/session';
import { runTag } from '../helpers/xlsx';

const ENTERPRISE = '九江浔阳铝材有限公司';

/** From the registry to the edit form of one enterprise, the way a clerk gets there. */
async function openEditForm(page: Page, name: string): Promise<void> {
  await mainMenu(page).getByRole('menuitem', { name: '企业库' }).click();
  await page.getByLabel('搜索企业').fill(name);
  await page.getByLabel('搜索企业').press('Enter');
  await expect(page.getByText('共 1 家', { exact: true })).toBeVisible();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `编辑：${name}` })).toBeVisible();
  await expect(page.getByLabel('地址', { exact: true })).not.toHaveValue('');
}

/** The row of the detail page's table that shows the address. */
function shownAddress(page: Page) {
  return page.getByRole('row').filter({ hasText: '地址' });
}

test('the second of two concurrent edits sees a conflict with the newer value, and can reload it', async ({ page, browser }) => {
  const tag = runTag();
  const first = `江西省九江市浔阳区滨江东路768号 一号门 ${tag}`;
  const second = `江西省九江市浔阳区滨江东路768号 二号门 ${tag}`;

  // Two people, two browsers: the statistician and the administrator open the same form.
  const statsPage = page;
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await logIn(statsPage, 'stats');
  await logIn(adminPage, 'admin');
  await openEditForm(statsPage, ENTERPRISE);
  await openEditForm(adminPage, ENTERPRISE);

  // The statistician saves first.
  await statsPage.getByLabel('地址', { exact: true }).fill(first);
  await statsPage.getByRole('button', { name: '保存', exact: true }).click();
  await expect(statsPage.getByText('已保存', { exact: true })).toBeVisible();
  await expect(statsPage.getByRole('heading', { level: 1, name: ENTERPRISE })).toBeVisible();
  await expect(shownAddress(statsPage)).toContainText(first);

  // The administrator's save, made on the older version, is stopped and shows both values.
  await adminPage.getByLabel('地址', { exact: true }).fill(second);
  await adminPage.getByRole('button', { name: '保存', exact: true }).click();
  await expect(adminPage.getByText('其他人已先保存了这家企业')).toBeVisible();
  await expect(adminPage.getByText(/您的修改尚未保存/)).toBeVisible();
  const addressRow = adminPage.getByRole('row').filter({ has: adminPage.getByRole('cell', { name: '地址', exact: true }) });
  await expect(addressRow.getByRole('cell')).toHaveText(['地址', second, first]);
  await expect(adminPage.getByRole('button', { name: '保存', exact: true })).toBeDisabled();

  // The stale save wrote nothing: the first value stands.
  await statsPage.reload();
  await expect(shownAddress(statsPage)).toContainText(first);

  // Reloading puts the newer value in the form; a save from there goes through.
  await adminPage.getByRole('button', { name: '载入最新版本（放弃我的修改）' }).click();
  await expect(adminPage.getByText('其他人已先保存了这家企业')).toBeHidden();
  await expect(adminPage.getByLabel('地址', { exact: true })).toHaveValue(first);
  await adminPage.getByLabel('地址', { exact: true }).fill(second);
  await adminPage.getByRole('button', { name: '保存', exact: true }).click();
  await expect(adminPage.getByText('已保存', { exact: true })).toBeVisible();
  await expect(shownAddress(adminPage)).toContainText(second);

  await adminContext.close();
});
