import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS, logIn, mainMenu } from '../helpers/session';

const DAY = 86_400_000;
/** Today in China, as the server counts it. */
const today = () => new Date(Date.now() + 8 * 3_600_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** An unstarted parcel 400 days past its agreed start (a full year idle, not two), made through the API as admin. */
async function unstartedParcel(request: APIRequestContext): Promise<void> {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'admin', password: ACCOUNTS.admin.password } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const units = (await (await request.get('/api/v1/units')).json()) as { id: string; code: string }[];
  const lat = 29.705;
  const dLon = 150 / (110_900 * Math.cos((lat * Math.PI) / 180));
  const dLat = 150 / 110_900;
  const res = await request.post('/api/v1/land/parcels', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      code: 'E2E-IDLE-01', name: '测试闲置地块', geometry: { type: 'Polygon', coordinates: [[[116.075, lat], [116.075 + dLon, lat], [116.075 + dLon, lat + dLat], [116.075, lat + dLat], [116.075, lat]]] },
      registeredAreaSqm: 22_500, landUse: 'industrial', unitId: units.find((u) => u.code === 'XY-CD-P3-MFG')!.id, holderEnterpriseId: null, tenure: 'transfer',
      priceYuan: 6_000_000, contractSignedOn: iso(new Date(today().getTime() - 600 * DAY)), agreedStartOn: iso(new Date(today().getTime() - 400 * DAY)), agreedCompletionOn: null,
      standard: null, status: 'suppliedNotStarted', actualStartOn: null, developedAreaSqm: null, investmentYuan: null, leases: [],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test('a land clerk opens a case with 立即核查 and takes it through investigation to a government cause; a leader only reads', async ({ page, browser, playwright, baseURL }) => {
  await unstartedParcel(await playwright.request.newContext({ baseURL }));

  await logIn(page, 'tudi');
  await mainMenu(page).getByRole('menuitem', { name: '土地与空间' }).click();
  const cases = page.getByRole('region', { name: '闲置土地处置' });
  // The demo's 云帆 二期 case stands at 救济 after a published fee decision.
  await expect(cases.getByRole('row').filter({ hasText: '云帆智能终端二期地块（演示数据）' }).filter({ hasText: '征收闲置费' })).toContainText('救济');

  await cases.getByRole('button', { name: '立即核查' }).click();
  await expect(page.getByText('核查完成：新立案 1 件')).toBeVisible();
  const row = cases.getByRole('row').filter({ hasText: 'E2E-IDLE-01' });
  await expect(row).toContainText('征收闲置费');
  await expect(row).toContainText('120.00');
  await expect(row).toContainText('调查');
  await expect(row).toContainText(`调查核实 ${iso(new Date(today().getTime() + 30 * DAY)).replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}前`);

  await row.click();
  const drawer = page.getByRole('dialog', { name: 'E2E-IDLE-01 测试闲置地块' });
  await drawer.getByLabel('文号').fill('浔自然资调〔2026〕8号');
  await drawer.getByRole('button', { name: '提交' }).click();
  await expect(drawer.getByText('《闲置土地调查通知书》 浔自然资调〔2026〕8号')).toBeVisible();
  await expect(drawer.getByText(/规划土地局 土地专员/).first()).toBeVisible();

  await drawer.getByLabel('文号').fill('浔自然资认〔2026〕8号');
  await drawer.getByRole('button', { name: '提交' }).click();
  await expect(drawer.getByText('《闲置土地认定书》 浔自然资认〔2026〕8号')).toBeVisible();

  await drawer.locator('.el-select', { has: page.getByRole('combobox', { name: '闲置原因' }) }).click();
  await page.getByRole('option', { name: '规划依法修改' }).click();
  await drawer.getByRole('button', { name: '提交' }).click();
  await expect(drawer.getByRole('radio', { name: '确定处置方式' })).toBeVisible();
  await expect(drawer).toContainText('不收取');
  await expect(row).toContainText('政府原因');

  const leader = await (await browser.newContext()).newPage();
  await logIn(leader, 'leader');
  await mainMenu(leader).getByRole('menuitem', { name: '土地与空间' }).click();
  const readOnly = leader.getByRole('region', { name: '闲置土地处置' });
  await expect(readOnly.getByRole('row').filter({ hasText: 'E2E-IDLE-01' })).toContainText('政府原因');
  await expect(readOnly.getByRole('button', { name: '立即核查' })).toHaveCount(0);
  await readOnly.getByRole('row').filter({ hasText: 'E2E-IDLE-01' }).click();
  await expect(leader.getByRole('dialog', { name: 'E2E-IDLE-01 测试闲置地块' })).toContainText('仅规划土地部门和管理员可以办理');
});
