import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PRJ, shapefileZip } from '../../apps/api/src/test/shapefile';
import { logIn, mainMenu } from '../helpers/session';

/** A 200 m × 150 m rectangle in CGCS2000 3-degree GK with the zone number, south-west corner (e, n), clockwise as Shapefile wants. */
const rectangle = (e: number, n: number) => [[[e, n], [e, n + 150], [e + 200, n + 150], [e + 200, n], [e, n]]];

test('a land clerk imports a zipped Shapefile in CGCS2000 3-degree GK; the parcel lands east of Jiujiang with its contract', async ({ page, request }, testInfo) => {
  const file = testInfo.outputPath('地块.zip');
  writeFileSync(
    file,
    shapefileZip({
      shapes: [rectangle(39_405_300, 3_289_000)],
      rows: [{ 地块编码: 'E2E-SHP-01', 地块名称: '测试导入地块', 园区: '高端制造功能区', 面积: 30_000, 状态: '已供未动工', 供地方式: '出让', 土地价款: 12_000_000, 签订日期: '2026-05-10', 约定开工: '2027-03-10' }],
      prj: PRJ.gk117zone,
      cpg: 'GBK',
      encoding: 'gbk',
    }),
  );

  await logIn(page, 'tudi');
  await mainMenu(page).getByRole('menuitem', { name: '土地与空间' }).click();
  await page.getByRole('button', { name: '导入地块' }).click();
  const dialog = page.getByRole('dialog', { name: '导入地块' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByText('将文件拖到此处，或点击选择文件').click();
  await (await chooser).setFiles(file);
  await dialog.getByRole('button', { name: '开始导入' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: '导入完成：新增 1 宗地块。' })).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).first().click();

  const row = page.getByRole('main').getByRole('table').getByRole('row').filter({ hasText: 'E2E-SHP-01' });
  await expect(row).toContainText('已供未动工');
  await row.click();
  const card = page.getByRole('dialog', { name: 'E2E-SHP-01 测试导入地块' });
  await expect(card).toContainText('30,000 ㎡（45.00 亩）');
  await expect(card).toContainText('1,200.00 万元');
  await expect(card).toContainText('2026年5月10日');
  await expect(card).toContainText('2027年3月10日');
  await expect(card.getByText('已供未动工').first()).toBeVisible();

  // The outline, reprojected: about 96 km west of 117°E, on the Yangtze's south bank at Jiujiang.
  const session = await request.post('/api/v1/auth/login', { data: { username: 'leader', password: 'Yuanqu@Demo2025' } });
  expect(session.status()).toBe(200);
  const parcel = (await (await request.get('/api/v1/land/parcels?q=E2E-SHP-01')).json()) as { features: { geometry: { coordinates: number[][][] } }[] };
  const [lon, lat] = parcel.features[0]!.geometry.coordinates[0]![0]!;
  expect(lon).toBeGreaterThan(116.0);
  expect(lon).toBeLessThan(116.05);
  expect(lat).toBeGreaterThan(29.7);
  expect(lat).toBeLessThan(29.73);
});
