import { expect, test, type Locator, type Page } from '@playwright/test';
import { ACCOUNTS, logIn, mainMenu } from '../helpers/session';

/** Today in China, as the server counts it: YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The 万㎡ completed this year, as the progress card states it: "2026年已竣工 4.00万㎡，目标 10.00万㎡（40%）". */
async function completedWan(card: Locator): Promise<number> {
  const text = (await card.textContent()) ?? '';
  const m = /年已竣工 ([\d,.]+)万㎡/.exec(text);
  expect(m, text).not.toBeNull();
  return Number(m![1]!.replace(/,/g, ''));
}

async function openFactories(page: Page): Promise<Locator> {
  await mainMenu(page).getByRole('menuitem', { name: '标准厂房' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '标准厂房' })).toBeVisible();
  return page.getByRole('group', { name: '本年度竣工进度' });
}

const buildingRow = (page: Page, code: string) => page.getByRole('region', { name: '厂房清单' }).getByRole('row').filter({ hasText: code });

test('a land clerk reads this year’s progress against the 10万㎡ goal, adds a building completed today and sees the progress rise', async ({ page }) => {
  await logIn(page, 'tudi');
  const progress = await openFactories(page);
  const [year, month] = today().split('-');
  await expect(progress).toContainText(new RegExp(`${year}年已竣工 [\\d.]+万㎡，目标 10\\.00万㎡（[\\d.]+%）`));
  await expect(page.getByRole('img', { name: /^历年新增标准厂房面积：/ }).locator('canvas')).toBeVisible();
  await expect(buildingRow(page, 'SF-2025-01')).toContainText('2025年5月');
  const before = await completedWan(progress);

  await page.getByRole('button', { name: '新增厂房' }).click();
  const dialog = page.getByRole('dialog', { name: '新增标准厂房' });
  await dialog.getByLabel('厂房编号').fill('E2E-SF-01');
  await dialog.getByLabel('厂房名称').fill('测试标准厂房');
  await dialog.locator('.el-select', { has: page.getByRole('combobox', { name: '所在园区/功能区' }) }).click();
  await page.getByRole('option', { name: '高端制造功能区', exact: true }).filter({ visible: true }).click();
  await dialog.getByLabel('竣工日期').fill(today());
  await dialog.getByLabel('竣工日期').press('Enter');
  await dialog.getByLabel('层数').fill('4');
  await dialog.getByLabel('建筑面积', { exact: true }).fill('20,000');
  await dialog.getByRole('button', { name: '添加入驻企业' }).click();
  await dialog.getByRole('combobox', { name: '入驻企业 1', exact: true }).fill('鸿利达');
  await page.getByRole('option', { name: /九江鸿利达新材料有限公司/ }).filter({ visible: true }).click();
  await dialog.getByLabel('入驻企业 1 的面积').fill('5000');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('厂房已添加')).toBeVisible();
  await expect(dialog).toBeHidden();

  await expect(progress).toContainText(`${year}年已竣工 ${(before + 2).toFixed(2)}万㎡`);
  const row = buildingRow(page, 'E2E-SF-01');
  await expect(row).toContainText(`${year}年${Number(month)}月`);
  await expect(row).toContainText('20,000 ㎡');
  await expect(row).toContainText('2.00万㎡');
  await expect(row).toContainText('25%');
  await expect(row.getByRole('link', { name: '九江鸿利达新材料有限公司' })).toHaveAttribute('href', /\/enterprises\//);
});

test('a clerk saving a building someone else changed meanwhile is told so and gets the newer version', async ({ page, playwright, baseURL }) => {
  await logIn(page, 'tudi');
  await openFactories(page);
  await buildingRow(page, 'SF-2025-02').getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog', { name: /^编辑：/ });
  await expect(dialog.getByLabel('层数')).toHaveValue('5');

  // The administrator changes the floors behind the clerk's back.
  const admin = await playwright.request.newContext({ baseURL });
  const login = await admin.post('/api/v1/auth/login', { data: { username: 'admin', password: ACCOUNTS.admin.password } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const list = (await (await admin.get('/api/v1/land/factories')).json()) as { id: string; code: string; version: number }[];
  const building = list.find((f) => f.code === 'SF-2025-02')!;
  const patched = await admin.patch(`/api/v1/land/factories/${building.id}`, { headers: { 'x-csrf-token': csrfToken }, data: { version: building.version, floors: 7 } });
  expect(patched.status(), await patched.text()).toBe(200);

  await dialog.getByLabel('层数').fill('6');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('其他人已先保存了这栋厂房')).toBeVisible();
  await expect(dialog.getByText(/您的修改没有保存/)).toBeVisible();
  await expect(dialog.getByLabel('层数')).toHaveValue('7');
  await dialog.getByLabel('层数').fill('6');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(buildingRow(page, 'SF-2025-02').getByRole('cell').nth(4)).toHaveText('6');
});

test('a leader reads the standard factory buildings but cannot add or edit them', async ({ page }) => {
  await logIn(page, 'leader');
  const progress = await openFactories(page);
  await expect(progress).toContainText('目标 10.00万㎡');
  await expect(buildingRow(page, 'SF-2025-01')).toContainText('62,000 ㎡');
  await expect(page.getByRole('button', { name: '新增厂房' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
});
