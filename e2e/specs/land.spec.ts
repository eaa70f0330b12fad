import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS, findEnterprise, logIn, mainMenu } from '../helpers/session';

/** A square outline of about `side` metres at lon/lat, east of Jiujiang (1° of latitude ≈ 110.9 km there). */
function square(lon: number, lat: number, side: number) {
  const dLat = side / 110_900;
  const dLon = side / (110_900 * Math.cos((lat * Math.PI) / 180));
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]]] };
}

/** Two parcels made through the API as admin, so the spec does not depend on the demo's land. */
async function createParcels(request: APIRequestContext): Promise<{ holder: string; holderMu: number }> {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'admin', password: ACCOUNTS.admin.password } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const units = (await (await request.get('/api/v1/units')).json()) as { id: string; code: string }[];
  const park = units.find((u) => u.code === 'XY-CD-P1')!;
  const holder = await findEnterprise(request, '鸿利达');
  const lessee = await findEnterprise(request, '新雪域');
  const base = {
    name: null,
    landUse: 'industrial',
    unitId: park.id,
    tenure: 'transfer',
    priceYuan: 9_000_000,
    contractSignedOn: '2023-03-10',
    agreedStartOn: '2023-09-01',
    agreedCompletionOn: '2025-09-01',
    standard: null,
    actualStartOn: null,
    developedAreaSqm: null,
    investmentYuan: null,
    leases: [],
  };
  const parcels = [
    { ...base, code: 'E2E-LAND-01', name: '测试投产地块', geometry: square(116.05, 29.72, 141.42), registeredAreaSqm: 20_000, holderEnterpriseId: holder.id, status: 'producing', leases: [{ lesseeEnterpriseId: lessee.id, areaSqm: 2_000, from: '2024-01-01', to: null }] },
    { ...base, code: 'E2E-LAND-02', geometry: square(116.06, 29.72, 100), registeredAreaSqm: 10_000, holderEnterpriseId: null, tenure: null, priceYuan: null, contractSignedOn: null, agreedStartOn: null, agreedCompletionOn: null, status: 'unsupplied' },
  ];
  for (const data of parcels) {
    const res = await request.post('/api/v1/land/parcels', { headers: { 'x-csrf-token': csrfToken }, data });
    expect(res.status(), await res.text()).toBe(201);
  }
  const area = await request.get(`/api/v1/land/enterprises/${holder.id}/area`);
  expect(area.status(), await area.text()).toBe(200);
  return { holder: holder.name, holderMu: ((await area.json()) as { totalMu: number }).totalMu };
}

test('a leader finds a parcel on 土地与空间 by status and reads its card', async ({ page, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL });
  const { holder, holderMu } = await createParcels(admin);

  await logIn(page, 'leader');
  await mainMenu(page).getByRole('menuitem', { name: '土地与空间' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '土地与空间' })).toBeVisible();
  await expect(page.getByRole('region', { name: '地块分布图' }).locator('canvas')).toBeVisible();

  const table = page.getByRole('main').getByRole('table');
  const producing = table.getByRole('row').filter({ hasText: 'E2E-LAND-01' });
  const unsupplied = table.getByRole('row').filter({ hasText: 'E2E-LAND-02' });
  await expect(producing).toContainText(holder);
  await expect(producing).toContainText('30.00');
  await expect(unsupplied).toContainText('未供');

  const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/land/parcels/map?status=producing'));
  await page.getByLabel('状态', { exact: true }).click();
  await page.getByRole('option', { name: '投产', exact: true }).filter({ visible: true }).click();
  await filtered;
  await expect(unsupplied).toHaveCount(0);
  await expect(producing).toContainText('投产');

  await producing.click();
  const card = page.getByRole('dialog', { name: 'E2E-LAND-01 测试投产地块' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: holder })).toHaveAttribute('href', /\/enterprises\//);
  await expect(card).toContainText('20,000 ㎡（30.00 亩）');
  await expect(card).toContainText('900.00 万元');
  await expect(card).toContainText('2023年3月10日');
  await expect(card.getByText('投产').first()).toBeVisible();
  await expect(card.getByRole('link', { name: /新雪域/ })).toBeVisible();

  // The holder's page counts the parcel less the part leased out: own + leased in − leased out.
  await card.getByRole('link', { name: holder }).click();
  await expect(page.getByRole('heading', { level: 1, name: holder })).toBeVisible();
  await expect(page.getByTestId('enterprise-land')).toContainText(holderMu.toFixed(2));
  await expect(page.getByTestId('enterprise-land')).toContainText('租出 3.00');
});

test('the land page lists the parcels the idle-land rules catch today', async ({ page }) => {
  await logIn(page, 'leader');
  await mainMenu(page).getByRole('menuitem', { name: '土地与空间' }).click();
  const idle = page.getByRole('region', { name: '闲置土地核查' });
  // The demo's unstarted parcel: agreed start 2024-06-30, two full years passed by 2026-06-30.
  const row = idle.getByRole('row').filter({ hasText: '云帆智能终端二期地块（演示数据）' });
  await expect(row).toContainText(new Date() >= new Date('2026-06-30') ? '无偿收回' : '收取闲置费');
  await expect(row).toContainText('2025年6月30日');
});
