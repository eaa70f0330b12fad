import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiLogIn, findEnterprise, logIn, mainMenu } from '../helpers/session';

const HONGLI = '九江鸿利达新材料有限公司';
const JIUQIAO = '中铁九桥工程有限公司';
const JIENI = '九江杰尼新材料有限公司';

/** The latest period whose month has ended, by the date in China as the server judges it: 2026-10 on 2026-11-26. */
function latestPeriod(now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3600 * 1000);
  const year = china.getUTCFullYear();
  const month = china.getUTCMonth();
  return month >= 2 ? `${year}-${String(month).padStart(2, '0')}` : `${year - 1}-12`;
}

/** 万元 with two decimals and separators, as the tables show amounts. */
const wan = (yuan: number) => (yuan / 10_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const yi = (yuan: number) => (yuan / 100_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function choose(page: Page, label: string, option: string): Promise<void> {
  // A select without search shows its value over the input; a person clicks that, where the input lies.
  await page.getByLabel(label, { exact: true }).click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).filter({ visible: true }).click();
}

async function baseRevenue(request: APIRequestContext, period: string): Promise<number> {
  const res = await request.get('/api/v1/statistics/summary', { params: { period, groupBy: 'base' } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: { values: { mainRevenue: number } } }).total.values.mainRevenue;
}

/** The review queue's row of one enterprise, opened to its comparison and actions. */
async function openReview(page: Page, enterprise: string): Promise<void> {
  await mainMenu(page).getByRole('menuitem', { name: '数据审核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '数据审核' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: enterprise, exact: true }) });
  await row.getByRole('button', { name: '审核', exact: true }).click();
  await expect(page.getByRole('heading', { name: '与该企业已生效数据对比' })).toBeVisible();
}

test('statistics staff see the plan’s 2022 figures and drill from a park down to an enterprise', async ({ page }) => {
  await logIn(page, 'stats');
  await mainMenu(page).getByRole('menuitem', { name: '统计分析' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '统计分析' })).toBeVisible();
  await choose(page, '年份', '2022年');
  await choose(page, '累计期间', '1-12月');

  await expect(page.getByRole('heading', { name: '2022年主要指标' })).toBeVisible();
  const revenue = page.getByRole('group', { name: '主营业务收入', exact: true });
  await expect(revenue).toContainText('64.35亿元');
  await expect(revenue).toContainText('同比 +9.5%');
  await expect(page.getByRole('group', { name: '工业总产值', exact: true })).toContainText('113.70亿元同比 +12.5%');
  await expect(page.getByRole('group', { name: '实缴税金', exact: true })).toContainText('1.23亿元');
  await expect(page.getByRole('group', { name: '规上企业', exact: true })).toContainText('15家');
  await expect(page.getByRole('img', { name: /^主营业务收入走势/ }).locator('canvas')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '本期（万元）' }).first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '合计' })).toContainText('643,500.00');

  // A park → its industries → that industry's enterprises → one enterprise's own figures.
  await page.getByRole('button', { name: '3号园', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: '产业', exact: true })).toBeVisible();
  await expect(page.getByText('园区/功能区：3号园')).toBeVisible();
  await page.getByRole('button', { name: '新材料', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: '企业', exact: true })).toBeVisible();
  await page.getByRole('button', { name: HONGLI, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${HONGLI} · 统计数据` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '2022年1-12月' }).first()).toBeVisible();
});

test('an enterprise reports the latest period, statistics staff pass it, and it counts in the base total', async ({ page, browser, request }) => {
  const period = latestPeriod();
  await apiLogIn(request, 'stats');
  const hongli = await findEnterprise(request, '鸿利达');
  const jieni = await findEnterprise(request, '杰尼');
  const year = Number(period.slice(0, 4));
  const figures = (await (await request.get(`/api/v1/statistics/enterprises/${hongli.id}/figures`, { params: { year } })).json()) as {
    periods: { period: string; values: { mainRevenue: number } }[];
  };
  // A plausible report: this month as large as last month, so no warning stands in the way.
  const [before, last] = figures.periods.slice(-2).map((p) => p.values.mainRevenue) as [number, number];
  const amount = last + (last - before);
  const totalBefore = await baseRevenue(request, period);

  await logIn(page, 'hongli');
  await mainMenu(page).getByRole('menuitem', { name: '数据填报' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '数据填报' })).toBeVisible();
  await page.getByLabel('主营业务收入（万元）').fill((amount / 10_000).toFixed(4));
  await page.getByLabel('期末从业人员（人）').fill('120');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.getByText('已提交，等待管委会审核')).toBeVisible();
  await expect(page.getByText(/本期已有一份待审报表/)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '待审' }).first()).toContainText('企业填报');
  // Another enterprise's figures are as unknown to it as a page that does not exist.
  await page.goto(`/enterprises/${jieni.id}/statistics`);
  await expect(page.getByText('不存在或无权访问')).toBeVisible();
  await expect(page.getByText(JIENI)).toHaveCount(0);

  const statsContext = await browser.newContext();
  const stats = await statsContext.newPage();
  await logIn(stats, 'stats');
  await openReview(stats, HONGLI);
  await expect(stats.getByRole('row').filter({ hasText: '主营业务收入（万元）' }).first()).toContainText(wan(amount));
  await stats.getByRole('button', { name: '通过', exact: true }).click();
  await expect(stats.getByText(new RegExp(`^已通过：${HONGLI}`))).toBeVisible();
  await expect(stats.getByRole('link', { name: HONGLI, exact: true })).toHaveCount(0);

  await mainMenu(stats).getByRole('menuitem', { name: '统计分析' }).click();
  await expect(stats.getByRole('row').filter({ hasText: '合计' })).toContainText(wan(totalBefore + amount));
  await expect(stats.getByRole('group', { name: '主营业务收入', exact: true })).toContainText(`${yi(totalBefore + amount)}亿元`);
  await statsContext.close();

  await mainMenu(page).getByRole('menuitem', { name: '数据填报' }).click();
  await expect(page.getByText('本期已有审核通过的数据；再次提交即为更正。')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '已通过' }).first()).toBeVisible();
});

test('a figure out of line must be confirmed before it counts, in review and in direct entry', async ({ page }) => {
  await logIn(page, 'stats');
  await openReview(page, JIUQIAO);
  await expect(page.getByText(/主营业务收入当月 .*是上月 .* 的 \d+\.\d 倍，超过突变倍数 3/)).toBeVisible();
  const pass = page.getByRole('button', { name: '通过', exact: true });
  await expect(pass).toBeDisabled();
  await page.getByText('已核实预警', { exact: true }).click();
  await expect(page.getByRole('checkbox', { name: '已核实预警' })).toBeChecked();
  await pass.click();
  await expect(page.getByText(new RegExp(`^已通过：${JIUQIAO}`))).toBeVisible();

  // Figures the committee enters count at once, but only once the warnings are confirmed.
  await mainMenu(page).getByRole('menuitem', { name: '企业库' }).click();
  await page.getByLabel('搜索企业').fill('杰尼');
  await page.getByLabel('搜索企业').press('Enter');
  await page.getByRole('link', { name: JIENI, exact: true }).click();
  await page.getByRole('button', { name: '统计数据', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${JIENI} · 统计数据` })).toBeVisible();
  await page.getByLabel('主营业务收入（万元）').fill('100');
  await page.getByLabel('实缴税金（万元）').fill('200');
  await page.getByRole('button', { name: '保存并生效' }).click();
  const dialog = page.getByRole('dialog', { name: '以下数据需要核实' });
  await expect(dialog).toContainText('实缴税金 200.00万元 高于主营业务收入 100.00万元');
  await expect(dialog.getByRole('button', { name: '确认保存' })).toBeDisabled();
  await dialog.getByText('已核实以上预警，数据无误').click();
  await dialog.getByRole('button', { name: '确认保存' }).click();
  await expect(page.getByText('已保存，数据即时生效')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '管委会录入' }).first()).toContainText('已通过');
});

test('a leader reads the targets with their verdicts, and has no review queue', async ({ page }) => {
  await logIn(page, 'leader');
  await expect(mainMenu(page).getByRole('menuitem', { name: '数据审核' })).toHaveCount(0);
  await mainMenu(page).getByRole('menuitem', { name: '目标考核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '目标考核' })).toBeVisible();

  const revenue = page.getByRole('group', { name: '主营业务收入突破100亿元' });
  await expect(revenue).toContainText('2025年 100.00亿元');
  await expect(revenue.getByText(/^(达成|正常推进|有风险|严重滞后|未达成)$/)).toBeVisible();
  await expect(revenue).toContainText('基期2022年 64.35亿元');
  // The plan's 2022 output (113.7亿元) already exceeds its 2025 goal of 100亿元.
  await expect(page.getByRole('group', { name: '工业总产值达到100亿元' }).getByText('达成', { exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: '工业亩均税收明显提升' }).getByText('暂无数据', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '新增目标' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '编辑' })).toHaveCount(0);

  await page.goto('/statistics/review');
  await expect(page.getByText('无权访问', { exact: true })).toBeVisible();
});

test('the statistics office raises a target and its verdict follows', async ({ page }) => {
  await logIn(page, 'stats');
  await mainMenu(page).getByRole('menuitem', { name: '目标考核' }).click();
  const output = page.getByRole('group', { name: '工业总产值达到100亿元' });
  await expect(output.getByText('达成', { exact: true })).toBeVisible();
  await output.getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑目标：工业总产值达到100亿元' });
  await dialog.getByLabel('目标值').fill('500');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(output).toContainText('2025年 500.00亿元');
  await expect(output.getByText('未达成', { exact: true })).toBeVisible();
});
