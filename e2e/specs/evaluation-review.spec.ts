import { expect, test, type Browser, type Page } from '@playwright/test';
import { choose, createRun } from '../helpers/evaluation';
import { logIn, mainMenu, type Account } from '../helpers/session';

const HONGLI = '九江鸿利达新材料有限公司';
const XUNXIN = '九江浔芯电路科技有限公司';

async function as(browser: Browser, account: Account): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await logIn(page, account);
  return page;
}

async function openTab(page: Page, runId: string, tab: string, label: string): Promise<void> {
  await page.goto(`/evaluation/runs/${runId}?tab=${tab}`);
  await expect(page.getByRole('tab', { name: label, selected: true })).toBeVisible();
}

test('a clerk vetoes one enterprise, a second person approves, the clerk publishes; the enterprise sees only its result and objects; the clerk answers', async ({ browser }) => {
  // 经济发展局 统计员: the 2022 run, a veto on the first-ranked enterprise with its reason and document.
  const stats = await as(browser, 'stats');
  const runId = await createRun(stats, 2022, { n: 0 });
  await openTab(stats, runId, 'adjustments', '调整');
  await stats.getByRole('button', { name: '新增调整' }).click();
  const dialog = stats.getByRole('dialog', { name: '新增调整' });
  await dialog.getByLabel('企业').fill('浔芯');
  await stats.getByRole('option', { name: XUNXIN, exact: true }).click();
  await dialog.getByText('一票否决', { exact: true }).click();
  await choose(stats, '事项', '重大安全生产事故');
  await dialog.getByLabel('理由').fill('2022年8月发生一起较大生产安全事故');
  await dialog.getByLabel('依据').fill('浔应急罚〔2022〕12号');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(stats.getByText('已调整，本批次已重新计算')).toBeVisible();
  await expect(stats.getByRole('row').filter({ hasText: XUNXIN })).toContainText('浔应急罚〔2022〕12号');
  await expect(stats.getByRole('row').filter({ hasText: XUNXIN })).toContainText('经济发展局 统计员');

  // The ranking now shows it D by veto.
  await openTab(stats, runId, 'ranking', '排名');
  await expect(stats.getByRole('row').filter({ has: stats.getByRole('link', { name: XUNXIN, exact: true }) }).locator('.el-tag', { hasText: /^D$/ })).toBeVisible();

  // Submitted by the clerk, who cannot approve it.
  await openTab(stats, runId, 'review', '审核发布');
  await stats.getByRole('button', { name: '提交审核' }).click();
  await expect(stats.getByRole('tabpanel', { name: '审核发布' }).getByText('待审核', { exact: true })).toBeVisible();
  await expect(stats.getByRole('button', { name: '审核通过' })).toBeDisabled();

  // 经济发展局 科长 approves.
  const shenhe = await as(browser, 'shenhe');
  await openTab(shenhe, runId, 'review', '审核发布');
  await shenhe.getByRole('button', { name: '审核通过' }).click();
  await expect(shenhe.getByRole('tabpanel', { name: '审核发布' }).getByText('已审核', { exact: true })).toBeVisible();
  await expect(shenhe.getByRole('tabpanel', { name: '审核发布' }).getByText('经济发展局 科长（审核）')).toBeVisible();

  // The clerk publishes (after reloading: the run moved on meanwhile).
  await openTab(stats, runId, 'review', '审核发布');
  await stats.getByRole('button', { name: '发布' }).click();
  await stats.getByRole('dialog').getByRole('button', { name: '发布' }).click();
  await expect(stats.getByText('本批次已发布，结果已冻结。')).toBeVisible();

  // The enterprise: its own result only, why it is D, and an objection.
  const hongli = await as(browser, 'hongli');
  await mainMenu(hongli).getByRole('menuitem', { name: '评价结果' }).click();
  await expect(hongli.getByRole('heading', { level: 1, name: `${HONGLI} · 亩产效益评价` })).toBeVisible();
  await expect(hongli.getByRole('tab', { name: '2022年度' })).toBeVisible();
  await expect(hongli.getByRole('heading', { level: 2, name: /为什么是 [A-D] 类/ })).toBeVisible();
  await expect(hongli.getByText(/规上工业企业 第 \d+ 名 \/ 共 14 家/)).toBeVisible();
  await hongli.getByRole('button', { name: '提出异议' }).click();
  await hongli.getByRole('dialog').getByLabel('异议内容').fill('我司2022年实缴税金应包含城镇土地使用税，请复核亩均税收。');
  await hongli.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(hongli.getByText('等待答复')).toBeVisible();
  await expect(hongli.getByRole('button', { name: '提出异议' })).toHaveCount(0);
  await hongli.goto(`/evaluation/runs/${runId}`);
  await expect(hongli.getByText('您的账户没有访问此页面的权限。如需开通，请联系管理员。')).toBeVisible();

  // The clerk answers; the enterprise reads the answer.
  await openTab(stats, runId, 'objections', '异议');
  const row = stats.getByRole('row').filter({ hasText: HONGLI });
  await expect(row).toContainText('鸿利达新材料 企业联络员');
  await expect(row).toContainText('待答复');
  await row.getByRole('button', { name: '答复' }).click();
  const answer = stats.getByRole('dialog', { name: `答复“${HONGLI}”的异议` });
  await answer.getByText('维持原结果').click();
  await answer.getByLabel('答复内容').fill('经核实，城镇土地使用税已计入实缴税金，维持原结果。');
  await answer.getByRole('button', { name: '确定' }).click();
  await expect(row).toContainText('已答复');
  await hongli.goto('/');
  await mainMenu(hongli).getByRole('menuitem', { name: '评价结果' }).click();
  await expect(hongli.getByText('经核实，城镇土地使用税已计入实缴税金，维持原结果。')).toBeVisible();
});
