import { expect, test } from '@playwright/test';
import { apiLogIn, findEnterprise, logIn, mainMenu } from '../helpers/session';

const OWN = '九江鸿利达新材料有限公司';

test('an enterprise user sees its own enterprise and no other', async ({ page, request }) => {
  // The other enterprise's id, looked up as an administrator outside the browser.
  await apiLogIn(request, 'admin');
  const other = await findEnterprise(request, '杰尼');
  expect(other.name).toBe('九江杰尼新材料有限公司');

  await logIn(page, 'hongli');
  await mainMenu(page).getByRole('menuitem', { name: '企业信息' }).click();
  await expect(page.getByRole('heading', { level: 1, name: OWN })).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑' })).toBeVisible();

  // Typing the other enterprise's address gives the same page as an id that does not exist,
  // so the user can neither read it nor learn that it exists.
  await page.goto(`/enterprises/${other.id}`);
  await expect(page.getByText('不存在或无权访问', { exact: true })).toBeVisible();
  await expect(page.getByText('这家企业不存在，或者您的账户无权查看。')).toBeVisible();
  await expect(page.getByText(other.name)).toHaveCount(0);
  await expect(page.getByText('杰尼')).toHaveCount(0);

  await page.goto('/enterprises/no-such-enterprise');
  await expect(page.getByText('不存在或无权访问', { exact: true })).toBeVisible();

  // Nor can it be edited, and the API behind the page refuses it too.
  await page.goto(`/enterprises/${other.id}/edit`);
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  const direct = await page.request.get(`/api/v1/enterprises/${other.id}`);
  // Out of scope reads as absent (404), exactly like an id that does not exist.
  expect(direct.status()).toBe(404);
  expect(await direct.text()).not.toContain('杰尼');

  // The way back leads home, not to the registry.
  await page.goto(`/enterprises/${other.id}`);
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: OWN })).toBeVisible();
});

test('an enterprise user is refused the enterprise registry', async ({ page }) => {
  await logIn(page, 'hongli');

  await page.goto('/enterprises');

  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
  await expect(page.getByText('您的账户没有访问此页面的权限。如需开通，请联系管理员。')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '导出Excel' })).toHaveCount(0);
  // The list API behind it is scoped to the user's own enterprise.
  const res = await page.request.get('/api/v1/enterprises', { params: { pageSize: 200 } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { name: string }[]; total: number };
  expect(body.items.map((e) => e.name)).toEqual([OWN]);
  expect(body.total).toBe(1);
});
