import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS, logIn, mainMenu, submitLogin } from '../helpers/session';
import { runTag } from '../helpers/xlsx';

/** A 规划土地 staff member made through the API as admin, past the first-login password change. */
async function landStaff(request: APIRequestContext): Promise<{ username: string; password: string }> {
  const username = `tudi${runTag().toLowerCase()}`;
  const first = 'Guihua#Tu2026x';
  const password = 'Guihua#Tu2027x';
  const login = await request.post('/api/v1/auth/login', { data: { username: 'admin', password: ACCOUNTS.admin.password } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await request.post('/api/v1/users', { headers: { 'x-csrf-token': csrfToken }, data: { username, displayName: '规划土地局 土地科', password: first, role: 'staff', departments: ['land'] } });
  expect(created.status(), await created.text()).toBe(201);
  const own = await request.post('/api/v1/auth/login', { data: { username, password: first } });
  const token = ((await own.json()) as { csrfToken: string }).csrfToken;
  const changed = await request.post('/api/v1/auth/password', { headers: { 'x-csrf-token': token }, data: { currentPassword: first, newPassword: password } });
  expect(changed.status(), await changed.text()).toBeLessThan(300);
  return { username, password };
}

test('land staff find the plan’s 腾笼换鸟 done and tick a measure of a running case', async ({ page, playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const staff = await landStaff(api);

  await submitLogin(page, staff.username, staff.password);
  await expect(mainMenu(page)).toBeVisible();
  await mainMenu(page).getByRole('menuitem', { name: '土地与空间' }).click();
  const card = page.getByRole('region', { name: '低效用地处置' });
  const xusheng = card.getByRole('row').filter({ hasText: '旭升电子地块腾笼换鸟' });
  await expect(xusheng).toContainText('腾笼换鸟');
  await expect(xusheng).toContainText('已完成');
  await expect(xusheng).toContainText('4/4 项');
  await expect(xusheng).toContainText('2020年8月 至 2021年11月');

  const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/land/disposals?kind=replacement'));
  await card.getByLabel('处置方式', { exact: true }).click();
  await page.getByRole('option', { name: '腾笼换鸟', exact: true }).filter({ visible: true }).click();
  await filtered;
  await expect(card.getByRole('row').filter({ hasText: '地块腾笼换鸟' })).toHaveCount(4);
  await expect(card.getByRole('row').filter({ hasText: '金旺达地块腾笼换鸟' })).toContainText('6/8 项');
  await card.getByLabel('处置方式', { exact: true }).click();
  await page.getByRole('option', { name: '增资技改', exact: true }).filter({ visible: true }).click();

  await card.getByRole('row').filter({ hasText: '长江船舶配件增资技改' }).click();
  const drawer = page.getByRole('dialog', { name: /长江船舶配件增资技改/ });
  await expect(drawer).toContainText('2/4 项');
  const box = page.getByRole('checkbox', { name: '数控设备采购安装 已完成' });
  const measure = drawer.locator(box);
  await expect(measure).not.toBeChecked();
  // Element Plus hides the native box under its drawn one: click the drawn box, as a person does.
  await drawer.locator('label', { has: box }).click();
  await expect(measure).toBeChecked();
  await expect(drawer).toContainText('3/4 项');
  await expect(drawer.getByRole('row').filter({ hasText: '数控设备采购安装' })).toContainText(`（${staff.username}）`);
  await expect(card.getByRole('row').filter({ hasText: '长江船舶配件增资技改' })).toContainText('3/4 项');
});

test('a leader reads 金旺达’s 两断四清 done, and cannot change the case', async ({ page }) => {
  await logIn(page, 'leader');
  await mainMenu(page).getByRole('menuitem', { name: '土地与空间' }).click();
  const card = page.getByRole('region', { name: '低效用地处置' });
  await expect(card.getByRole('button', { name: '新建处置案件' })).toHaveCount(0);
  await card.getByRole('row').filter({ hasText: '金旺达地块腾笼换鸟' }).click();
  const drawer = page.getByRole('dialog', { name: /金旺达地块腾笼换鸟/ });
  await expect(drawer).toContainText('只读');
  for (const measure of ['断水、断电', '清原料', '清产品', '清设备', '清场地']) {
    const box = drawer.getByRole('checkbox', { name: `${measure} 已完成` });
    await expect(box).toBeChecked();
    await expect(box).toBeDisabled();
  }
  await expect(drawer.getByRole('button', { name: '办结' })).toHaveCount(0);
  await drawer.getByRole('button', { name: /金旺达地块（演示数据）/ }).click();
  await expect(page.getByRole('dialog', { name: /金旺达地块（演示数据）/ })).toContainText('停产');
});
