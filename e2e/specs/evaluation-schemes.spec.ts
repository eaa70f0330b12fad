import { expect, test, type Page } from '@playwright/test';
import { logIn, mainMenu } from '../helpers/session';

const ABOVE = '规上工业企业';
const weight = (page: Page, indicator: string) => page.getByLabel(`${ABOVE}：${indicator} 权重`);
const aboveScaleTable = (page: Page) => page.getByRole('region', { name: `${ABOVE} 的指标` });

async function openSchemes(page: Page): Promise<void> {
  await mainMenu(page).getByRole('menuitem', { name: '评价方案' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '评价方案' })).toBeVisible();
}

/** The list's row of one version of the reference scheme. */
function versionRow(page: Page, version: number) {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: `第 ${version} 版`, exact: true }) }).filter({ hasText: 'reference' });
}

test('an admin copies the reference scheme, changes two weights and the class rule, saves and finds the changes after a reload', async ({ page }) => {
  await logIn(page, 'admin');
  await openSchemes(page);
  await versionRow(page, 1).getByRole('button', { name: '查看' }).click();

  // Version 1 reads in words: the formula, the method and its benchmark, the class rule.
  await expect(page.getByText('参考方案，待按本地细则校准', { exact: false })).toBeVisible();
  const taxRow = aboveScaleTable(page).getByRole('row').filter({ hasText: '亩均税收' });
  await expect(taxRow).toContainText('实缴税金 ÷ 用地面积（亩）');
  await expect(taxRow).toContainText('与同年本组平均值之比 × 权重，不封顶');
  await expect(page.getByText('按组内排名：A 类前 20%，B 类其后 40%，C 类其后 35%，D 类最后 5%')).toBeVisible();

  await page.getByRole('button', { name: '复制为新版本', exact: true }).click();
  const copied = page.getByText(/^已复制为第 \d+ 版$/);
  await expect(copied).toBeVisible();
  const version = Number((await copied.innerText()).replace(/\D/g, ''));
  await expect(page.getByText('复制自第 1 版')).toBeVisible();
  await expect(page.getByText('可编辑', { exact: true })).toBeVisible();

  // Two weights of the 规上 group: the total follows as they are typed.
  await expect(page.getByText(`权重合计 100`).first()).toBeVisible();
  await weight(page, '亩均税收').fill('35');
  await weight(page, '亩均税收').press('Tab');
  await expect(page.getByText('权重合计 105')).toBeVisible();
  await weight(page, '亩均增加值').fill('15');
  await weight(page, '亩均增加值').press('Tab');
  await expect(page.getByText('权重合计 105')).toHaveCount(0);

  // Classes by score thresholds instead of rank shares.
  await page.getByText('按总分分数线', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '按总分分数线' })).toBeChecked();
  await page.getByLabel('A 类最低分').fill('110');
  await page.getByLabel('A 类最低分').press('Tab');
  await expect(page.getByText('按总分：A 类 ≥ 110 分，B 类 ≥ 100 分，C 类 ≥ 80 分，其余为 D 类')).toBeVisible();

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();

  await page.reload();
  await expect(weight(page, '亩均税收')).toHaveValue('35');
  await expect(weight(page, '亩均增加值')).toHaveValue('15');
  await expect(page.getByText('按总分：A 类 ≥ 110 分，B 类 ≥ 100 分，C 类 ≥ 80 分，其余为 D 类')).toBeVisible();

  // The admin deletes the unused copy, so runs made by other specs keep using version 1.
  await openSchemes(page);
  await versionRow(page, version).getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(`已删除第 ${version} 版`)).toBeVisible();
  await expect(versionRow(page, version)).toHaveCount(0);
});

test('a staff member reads the reference scheme in words and has no way to change it', async ({ page }) => {
  await logIn(page, 'stats');
  await openSchemes(page);
  await expect(versionRow(page, 1).getByRole('button', { name: '查看' })).toBeVisible();
  await expect(page.getByRole('button', { name: '复制为新版本' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
  await versionRow(page, 1).getByRole('button', { name: '查看' }).click();

  await expect(page.getByText('只读：评价方案由管理员维护。')).toBeVisible();
  const taxRow = aboveScaleTable(page).getByRole('row').filter({ hasText: '亩均税收' });
  await expect(taxRow.getByRole('cell')).toHaveText(['亩均税收', '实缴税金 ÷ 用地面积（亩）', '30', '越高越好', '与同年本组平均值之比 × 权重，不封顶', '计 0 分']);
  await expect(page.getByText('权重合计 100')).toHaveCount(2);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('spinbutton')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '复制为新版本' })).toHaveCount(0);
});
