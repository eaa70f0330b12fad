import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { enterpriseFieldsSchema, isValidUscc, LIMITS, type QualificationType } from '@yuanqu/contracts';
import { DEMO_ACCOUNTS, DEMO_ENTERPRISES, DEMO_UNITS, type DemoEnterprise } from './demo-data';

const gbt = JSON.parse(readFileSync(new URL('../modules/dictionary/gbt4754-2017.json', import.meta.url), 'utf8')) as {
  code: string;
  level: string;
}[];
const subclasses = new Set(gbt.filter((c) => c.level === '小类').map((c) => c.code));

const FIELDS = [
  'uscc', 'name', 'legalRepresentative', 'address', 'unitCode', 'industryChain', 'industryCode', 'category', 'scale',
  'scaleSince', 'establishedOn', 'twoHigh', 'nearYangtze', 'cloudAdopted', 'cncRate', 'contactName', 'contactPhone',
  'description', 'qualifications',
].sort();

function byName(part: string): DemoEnterprise {
  const found = DEMO_ENTERPRISES.filter((e) => e.name.includes(part));
  expect(found, part).toHaveLength(1);
  return found[0]!;
}
const has = (e: DemoEnterprise, type: QualificationType) => e.qualifications.some((q) => q.type === type);
const unit = (code: string) => DEMO_UNITS.find((x) => x.code === code);
const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

describe('demo units', () => {
  it('form the tree 浔阳区 → 城东工业基地 → 1号园/3号园 → five zone blocks', () => {
    expect(new Set(DEMO_UNITS.map((x) => x.code)).size).toBe(DEMO_UNITS.length);
    const kids = (parent: string | null) => DEMO_UNITS.filter((x) => x.parentCode === parent);
    expect(kids(null).map((x) => [x.kind, x.name])).toEqual([['district', '浔阳区']]);
    expect(kids('XY').map((x) => [x.kind, x.name])).toEqual([['base', '城东工业基地']]);
    expect(kids('XY-CD').map((x) => x.name)).toEqual(['1号园', '3号园']);
    expect(kids('XY-CD-P1').map((x) => x.name).sort()).toEqual(['商贸物流功能区（1号园）', '数字经济功能区', '石油化工功能区'].sort());
    expect(kids('XY-CD-P3').map((x) => x.name).sort()).toEqual(['商贸物流功能区（3号园）', '高端制造功能区'].sort());
    for (const x of DEMO_UNITS.filter((y) => y.kind === 'zone')) expect(unit(x.parentCode!)?.kind).toBe('park');
  });
});

describe('demo enterprises', () => {
  it('match the plan counts: 27 industrial (15 规上, 12 规下), 3 logistics, 1 incubator', () => {
    const industrial = DEMO_ENTERPRISES.filter((e) => e.category === 'industrial');
    expect(industrial).toHaveLength(27);
    expect(industrial.filter((e) => e.scale === 'above')).toHaveLength(15);
    expect(industrial.filter((e) => e.scale === 'below')).toHaveLength(12);
    expect(DEMO_ENTERPRISES.filter((e) => e.scale === 'above')).toHaveLength(15);
    expect(DEMO_ENTERPRISES.filter((e) => e.category === 'logistics')).toHaveLength(3);
    expect(DEMO_ENTERPRISES.filter((e) => e.category === 'incubator')).toHaveLength(1);
    expect(DEMO_ENTERPRISES).toHaveLength(31);
  });

  it('have exactly the expected fields and pass the enterprise form schema', () => {
    for (const e of DEMO_ENTERPRISES) {
      expect(Object.keys(e).sort(), e.name).toEqual(FIELDS);
      const { unitCode, ...rest } = e;
      const parsed = enterpriseFieldsSchema.safeParse({ ...rest, unitId: unitCode });
      expect(parsed.success, `${e.name}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('have valid, distinct USCCs of 浔阳区 (360403) and distinct names', () => {
    for (const e of DEMO_ENTERPRISES) {
      expect(isValidUscc(e.uscc), `${e.name} ${e.uscc}`).toBe(true);
      expect(e.uscc.slice(0, 8)).toBe('91360403');
    }
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.uscc)).size).toBe(DEMO_ENTERPRISES.length);
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.name)).size).toBe(DEMO_ENTERPRISES.length);
  });

  it('use GB/T 4754-2017 小类 codes from the shipped dictionary', () => {
    for (const e of DEMO_ENTERPRISES) expect(subclasses.has(e.industryCode), `${e.name} ${e.industryCode}`).toBe(true);
  });

  it('sit in zones, and each zone holds the chains the plan puts there', () => {
    const allowed: Record<string, string[]> = {
      '数字经济功能区': ['digital'],
      '石油化工功能区': ['petrochemical'],
      '高端制造功能区': ['newMaterials', 'equipment', 'techService'],
      '商贸物流功能区（1号园）': ['logistics'],
      '商贸物流功能区（3号园）': ['logistics'],
    };
    for (const e of DEMO_ENTERPRISES) {
      const zone = unit(e.unitCode);
      expect(zone?.kind, e.name).toBe('zone');
      expect(allowed[zone!.name], e.name).toContain(e.industryChain);
    }
    for (const e of DEMO_ENTERPRISES.filter((x) => x.category === 'logistics')) expect(e.industryChain).toBe('logistics');
  });

  it('are marked as demo data and carry plausible, consistent values', () => {
    for (const e of DEMO_ENTERPRISES) {
      expect(e.description, e.name).toMatch(/^（演示数据）/);
      expect(e.address, e.name).toMatch(/^江西省九江市浔阳区/);
      expect(e.contactPhone, e.name).toMatch(/^0792-\d{7}$/);
      const established = e.establishedOn ?? '';
      expect(isIsoDate(established), e.name).toBe(true);
      if (e.scale === 'above') expect(e.scaleSince !== null && isIsoDate(e.scaleSince) && e.scaleSince > established, e.name).toBe(true);
      else expect(e.scaleSince, e.name).toBeNull();
      if (e.category === 'industrial') expect(e.cncRate, e.name).toSatisfy((n: number | null) => n !== null && n >= 20 && n <= 80);
      else expect(e.cncRate, e.name).toBeNull();
      for (const q of e.qualifications) {
        expect(isIsoDate(q.grantedOn) && (q.expiresOn === null || (isIsoDate(q.expiresOn) && q.expiresOn > q.grantedOn)), e.name).toBe(true);
      }
    }
    const cloud = DEMO_ENTERPRISES.filter((e) => e.cloudAdopted).length / DEMO_ENTERPRISES.length;
    expect(cloud).toBeGreaterThan(0.5);
    expect(cloud).toBeLessThan(0.7);
    const above = DEMO_ENTERPRISES.filter((e) => e.scale === 'above');
    expect(above.filter((e) => e.cloudAdopted).length).toBeGreaterThan(above.length / 2);
  });

  it('hold the facts the plan states', () => {
    expect(has(byName('鸿利达新材料'), 'littleGiant')).toBe(true);
    const jieni = byName('杰尼新材料');
    expect(has(jieni, 'highTech') && jieni.twoHigh).toBe(true);
    expect(byName('钒宇新材料').twoHigh).toBe(true);
    expect(DEMO_ENTERPRISES.filter((e) => e.twoHigh).map((e) => e.name).sort()).toEqual([jieni.name, byName('钒宇新材料').name].sort());

    const qixin = byName('齐鑫化工');
    expect(qixin.name).toBe('九江齐鑫化工有限公司');
    expect([qixin.nearYangtze, qixin.industryChain, unit(qixin.unitCode)?.name]).toEqual([true, 'petrochemical', '石油化工功能区']);

    const xxy = byName('新雪域冷链物流');
    expect([xxy.category, xxy.industryChain, has(xxy, 'provincialKey')]).toEqual(['logistics', 'logistics', true]);
    expect(unit(xxy.unitCode)?.name).toBe('商贸物流功能区（1号园）');

    const incubator = DEMO_ENTERPRISES.find((e) => e.category === 'incubator')!;
    expect(incubator.name).toContain('津晶城');
    expect(has(incubator, 'nationalIncubator') && has(incubator, 'makerSpace')).toBe(true);

    for (const n of ['紫昊新材料', '金鑫有色', '鑫鹰人防设备', '九星运动用品', '中铁九桥工程']) expect(byName(n).category).toBe('industrial');
    expect(byName('金鑫有色').description).toContain('500吨超高纯氧化物');
    expect(byName('中铁九桥工程').industryChain).toBe('equipment');
    for (const n of ['鸿利达', '杰尼', '钒宇', '紫昊', '金鑫']) {
      expect(byName(n).industryChain).toBe('newMaterials');
      expect(unit(byName(n).unitCode)?.name).toBe('高端制造功能区');
    }
  });
});

describe('demo accounts', () => {
  it('cover each role and satisfy the password policy', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.username)).toEqual(['admin', 'stats', 'shenhe', 'zhaoshang', 'tudi', 'leader', 'hongli', 'xinxueyu']);
    for (const a of DEMO_ACCOUNTS) {
      const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(a.password)).length;
      expect(classes, a.username).toBeGreaterThanOrEqual(3);
      expect(a.password.length).toBeGreaterThanOrEqual(a.role === 'admin' ? LIMITS.passwordMinAdmin : LIMITS.passwordMin);
      expect(a.password.toLowerCase()).not.toContain(a.username.toLowerCase());
    }
    expect(DEMO_ACCOUNTS.find((a) => a.username === 'stats')?.departments).toEqual(['economy']);
    expect(DEMO_ACCOUNTS.find((a) => a.username === 'zhaoshang')?.departments).toEqual(['investment']);
    expect(DEMO_ACCOUNTS.find((a) => a.username === 'tudi')?.departments).toEqual(['land']);
    expect(DEMO_ACCOUNTS.find((a) => a.username === 'leader')?.role).toBe('leader');
  });

  it('link enterprise users to their own enterprise', () => {
    const of = (username: string) => DEMO_ENTERPRISES.find((e) => e.uscc === DEMO_ACCOUNTS.find((a) => a.username === username)?.enterpriseUscc);
    expect(of('hongli')?.name).toContain('鸿利达新材料');
    expect(of('xinxueyu')?.name).toContain('新雪域冷链物流');
    for (const a of DEMO_ACCOUNTS) expect(a.enterpriseUscc === null, a.username).toBe(a.role !== 'enterprise');
  });
});
