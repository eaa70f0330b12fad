import { expect, test } from '@playwright/test';
import { createRun } from '../helpers/evaluation';
import { logIn, mainMenu } from '../helpers/session';

const NAME = '亩产效益综合评价参考方案（待按本地细则校准）';
const escaped = NAME.replace(/[()（）]/g, '\\$&');
const weight = (indicator: string) => `规上工业企业：${indicator} 权重`;

test('an admin copies the scheme, changes two weights and the class rule, runs 2022 again and sees who moved against the first run', async ({ page }) => {
  await logIn(page, 'admin');
  await createRun(page, 2022, { n: 0 }, new RegExp(`^${escaped} v1(（|$)`));

  // A new version of the reference scheme: 亩均税收 30 → 40, 单位能耗增加值 20 → 10, classes by score thresholds.
  await mainMenu(page).getByRole('menuitem', { name: '评价方案' }).click();
  await page.getByRole('row').filter({ has: page.getByRole('cell', { name: '第 1 版', exact: true }) }).getByRole('button', { name: '查看' }).click();
  await page.getByRole('button', { name: '复制为新版本', exact: true }).click();
  const copied = page.getByText(/^已复制为第 \d+ 版$/);
  await expect(copied).toBeVisible();
  const version = Number((await copied.innerText()).replace(/\D/g, ''));
  for (const [indicator, value] of [['亩均税收', '40'], ['单位能耗增加值', '10']]) {
    await page.getByLabel(weight(indicator!)).fill(value!);
    await page.getByLabel(weight(indicator!)).press('Tab');
  }
  await page.getByText('按总分分数线', { exact: true }).click();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();

  // 2022 again under the new version; it is frozen by the run.
  const runId = await createRun(page, 2022, { n: 0 }, `${NAME} v${version}（未冻结，计算后冻结）`);

  // 年度对比 against the first run of 2022 (scheme version 1).
  await page.goto(`/evaluation/runs/${runId}?tab=compare`);
  await page.getByLabel('对比批次', { exact: true }).click({ force: true });
  await page.getByRole('option').filter({ hasText: '2022年度 · 方案第 1 版' }).filter({ visible: true }).first().click();
  await expect(page.getByRole('region', { name: '等级变动' })).toContainText(/上升 \d+ 家，下降 \d+ 家/);
  const moved = page.getByRole('region', { name: /^(上升|下降)（[1-9]\d* 家）$/ });
  await expect(moved.first()).toBeVisible();
  await expect(moved.first().getByRole('row').nth(1)).toContainText(/[A-D]\s*\d+\.\d{2}.*[A-D]\s*\d+\.\d{2}/);
});
