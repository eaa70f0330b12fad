import { expect, test, type Page } from '@playwright/test';
import { logIn, mainMenu } from '../helpers/session';

const CHARTS = ['企业分布：按园区', '企业分布：按功能区', '企业分布：按"3+3"产业', '企业分布：按规模'];

const startingWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** The figure on a dashboard KPI card, e.g. 31 from "企业总数 31 家". */
async function kpi(page: Page, label: string): Promise<number> {
  const card = page.getByRole('link', { name: new RegExp(`^${label}`) });
  await expect(card).toHaveText(new RegExp(`^${label}\\s*[\\d,]+\\s*家$`));
  return Number((await card.innerText()).replace(label, '').replace(/\D/g, ''));
}

/** The registry and a detail page offer reading and exporting only, no writing. */
async function expectReadOnlyRegistry(page: Page): Promise<void> {
  await mainMenu(page).getByRole('menuitem', { name: '企业库' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '企业库' })).toBeVisible();
  const firstEnterprise = page.getByRole('main').getByRole('table').getByRole('link').first();
  await expect(firstEnterprise).toBeVisible();
  await expect(page.getByRole('link', { name: '导出Excel' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新增企业' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导入', exact: true })).toHaveCount(0);

  const name = await firstEnterprise.innerText();
  await firstEnterprise.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { name: '基本信息' })).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '归档' })).toHaveCount(0);
}

test('a leader sees the dashboard figures and charts, and reads the registry without editing', async ({ page }) => {
  await logIn(page, 'leader');

  const total = await kpi(page, '企业总数');
  // 31 enterprises in the demo base; other specs may have imported more into this server.
  expect(total).toBeGreaterThanOrEqual(31);
  expect((await kpi(page, '规上企业')) + (await kpi(page, '规下企业'))).toBe(total);
  const stats = (await (await page.request.get('/api/v1/enterprises/stats')).json()) as { total: number };
  expect(stats.total).toBe(total);

  for (const title of CHARTS) {
    await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
    const chart = page.getByRole('img', { name: startingWith(title) });
    await expect(chart.locator('canvas')).toBeVisible();
  }
  // The park chart's text alternative counts every enterprise once.
  const byPark = (await page.getByRole('img', { name: /^企业分布：按园区/ }).getAttribute('aria-label')) ?? '';
  const parkCounts = [...byPark.matchAll(/(\d+)家/g)].map((m) => Number(m[1]));
  expect(parkCounts.length).toBeGreaterThanOrEqual(2);
  expect(parkCounts.reduce((a, b) => a + b, 0)).toBe(total);

  // The headline figure leads to the list it counts.
  await page.getByRole('link', { name: /^企业总数/ }).click();
  await expect(page.getByText(`共 ${total} 家`, { exact: true })).toBeVisible();

  await expectReadOnlyRegistry(page);
});

test('staff of a department that may not write the registry read it without editing', async ({ page }) => {
  await logIn(page, 'zhaoshang');
  await expectReadOnlyRegistry(page);
});

test('a leader’s home page says how the plan’s targets stand and leads to them', async ({ page }) => {
  await logIn(page, 'leader');
  const plan = page.getByRole('region', { name: '规划目标进展' });
  await expect(plan.getByRole('heading', { name: /^规划目标进展（截至\d{4}年末）$/ })).toBeVisible();
  await expect(plan.getByText(/^达成 \d+$/)).toBeVisible();
  await expect(plan.getByText('新增规模以上工业企业5家以上')).toBeVisible();
  await plan.getByRole('link', { name: '查看目标考核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '目标考核' })).toBeVisible();
});
