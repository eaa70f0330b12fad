import { expect, test, type Page } from '@playwright/test';
import { logIn, mainMenu } from '../helpers/session';

const ZONE = '科创服务功能区';

/** The row of the organisation tree that shows this unit (a parent's cell also holds its expand button). */
function unitRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
}

test('an administrator adds a zone under 3号园, and staff can filter the registry by it', async ({ page, browser }) => {
  const code = `XY-CD-P3-KC-${Date.now()}`;

  await logIn(page, 'admin');
  await mainMenu(page).getByRole('menuitem', { name: '组织架构' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '组织架构' })).toBeVisible();
  await expect(unitRow(page, '城东工业基地')).toContainText('基地');
  await expect(unitRow(page, '3号园')).toContainText('XY-CD-P3');

  await page.getByRole('button', { name: '新增单位' }).click();
  const dialog = page.getByRole('dialog', { name: '新增单位' });
  await dialog.getByLabel('上级单位').click();
  await page.getByRole('option', { name: '3号园', exact: true }).filter({ visible: true }).click();
  // Choosing a park proposes a zone; pick it anyway, as a clerk would check it.
  await dialog.getByLabel('类型').click();
  await page.getByRole('option', { name: '功能区', exact: true }).filter({ visible: true }).click();
  await dialog.getByLabel('编码').fill(code);
  await dialog.getByLabel('名称').fill(ZONE);
  await dialog.getByRole('button', { name: '保存', exact: true }).click();

  await expect(page.getByText(`已新增单位：${ZONE}`)).toBeVisible();
  await expect(dialog).toBeHidden();
  const row = unitRow(page, ZONE);
  await expect(row).toContainText(code);
  await expect(row).toContainText('功能区');

  // The same code again is refused, next to the code field.
  await page.getByRole('button', { name: '新增单位' }).click();
  await dialog.getByLabel('上级单位').click();
  await page.getByRole('option', { name: '3号园', exact: true }).filter({ visible: true }).click();
  await dialog.getByLabel('编码').fill(code);
  await dialog.getByLabel('名称').fill(`${ZONE}二`);
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog.getByText('该编码已被其他单位使用')).toBeVisible();
  await dialog.getByRole('button', { name: '取消', exact: true }).click();

  // A statistician, in another browser, finds the new zone in the registry's filter.
  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await logIn(staffPage, 'stats');
  await mainMenu(staffPage).getByRole('menuitem', { name: '企业库' }).click();
  await staffPage.getByLabel('所属园区/功能区').click();
  await staffPage.getByRole('option', { name: ZONE, exact: true }).filter({ visible: true }).click();
  await expect(staffPage).toHaveURL(/[?&]unitId=/);
  await expect(staffPage.locator('.el-form-item').filter({ hasText: '所属园区/功能区' })).toContainText(ZONE);
  await staffContext.close();
});

test('staff get the 403 page at /units and see no 组织架构 in the menu', async ({ page }) => {
  await logIn(page, 'stats');
  await expect(mainMenu(page).getByRole('menuitem', { name: '组织架构' })).toHaveCount(0);
  await page.goto('/units');
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '新增单位' })).toHaveCount(0);
});
