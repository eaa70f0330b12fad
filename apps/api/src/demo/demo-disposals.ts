/**
 * Demo low-efficiency land disposal cases (低效用地处置). The plan (2023) names four parcels:
 * 旭升电子, 智鸿 and 海源物流 have been through 腾笼换鸟, and 金旺达 through 两断四清. Their firms
 * left the base, so their parcels are added here, held by the demo firm that came in (or by
 * nobody); places, sizes and dates are invented and marked 演示数据. Five more cases on demo
 * firms' parcels give every kind and every state; the running ones are dated from today.
 */
import { SQM_PER_MU, type Department, type DisposalKind, type DisposalState, type EfficiencyFigure, type ParcelInput, type ParcelStatus } from '@yuanqu/contracts';
import { nextCaseCode } from '../modules/land/disposal';
import { addMonths, rectangle, slotCorner } from './demo-parcels';

export interface DemoDisposalParcel {
  input: ParcelInput;
  /** Every status it has had, oldest first; the last is `input.status`. */
  history: { status: ParcelStatus; since: string }[];
}

export interface DemoCase {
  code: string;
  kind: DisposalKind;
  title: string;
  enterpriseId: string | null;
  parcelCodes: string[];
  reason: string;
  figure: EfficiencyFigure | null;
  incomingEnterpriseId: string | null;
  incomingProject: string | null;
  department: Department;
  responsiblePerson: string;
  startOn: string | null;
  deadlineOn: string | null;
  completedOn: string | null;
  /** Oldest first; the last is the case's state. */
  states: { state: DisposalState; since: string; note?: string }[];
  milestones: { title: string; dueOn: string | null; owner: string | null; doneOn: string | null }[];
}

interface Firm {
  id: string;
  name: string;
}

interface FormerParcel {
  code: string;
  unitCode: string;
  name: string;
  mu: number;
  landUse: ParcelInput['landUse'];
  holderEnterpriseId: string | null;
  contractSignedOn: string | null;
  history: DemoDisposalParcel['history'];
}

const done = (title: string, doneOn: string, owner: string | null = null) => ({ title, dueOn: doneOn, owner, doneOn });
const open = (title: string, dueOn: string, owner: string | null = null) => ({ title, dueOn, owner, doneOn: null });

function formerParcel(p: FormerParcel, slot: number, unitIdOf: (code: string) => string): DemoDisposalParcel {
  const sqm = Math.round(p.mu * SQM_PER_MU);
  const [lon, lat] = slotCorner(p.unitCode, slot);
  const status = p.history.at(-1)!.status;
  const producing = status === 'producing' || status === 'suspended';
  return {
    input: {
      code: `${p.unitCode}-${String(slot + 1).padStart(2, '0')}`,
      name: `${p.name}（演示数据）`,
      geometry: rectangle(lon, lat, sqm),
      registeredAreaSqm: sqm,
      landUse: p.landUse,
      unitId: unitIdOf(p.unitCode),
      holderEnterpriseId: p.holderEnterpriseId,
      tenure: p.holderEnterpriseId ? 'transfer' : null,
      priceYuan: p.holderEnterpriseId ? p.mu * 150_000 : null,
      contractSignedOn: p.contractSignedOn,
      agreedStartOn: null,
      agreedCompletionOn: null,
      standard: null,
      status,
      actualStartOn: null,
      // Built and long in use: a stopped factory is low-efficiency land, not idle land.
      developedAreaSqm: producing ? Math.round(sqm * 0.6) : null,
      investmentYuan: null,
      governmentDelay: null,
      leases: [],
    },
    history: p.history,
  };
}

/**
 * The demo parcels and cases. `existing` are the demo parcels already laid out (new ones take
 * the next places on their zone's grid); `today` is the server's China date at load.
 */
export function demoDisposals(firms: Firm[], existing: { code: string; unitId: string; holderEnterpriseId: string | null }[], unitIdOf: (code: string) => string, today: string) {
  const firm = (part: string) => firms.find((f) => f.name.includes(part)) ?? null;
  const idOf = (part: string) => firm(part)?.id ?? null;
  const parcelOf = (part: string) => existing.find((p) => p.holderEnterpriseId !== null && p.holderEnterpriseId === idOf(part))?.code;
  const month = (n: number) => addMonths(today, n);
  const lastYear = Number(today.slice(0, 4)) - 1;

  const former: FormerParcel[] = [
    { code: 'haiyuan', unitCode: 'XY-CD-P1-LOG', name: '海源物流地块', mu: 42, landUse: 'warehousing', holderEnterpriseId: idOf('浔港肉类'), contractSignedOn: '2019-11-20',
      history: [{ status: 'producing', since: '2009-05-01' }, { status: 'suspended', since: '2019-04-01' }, { status: 'producing', since: '2020-09-30' }] },
    { code: 'xusheng', unitCode: 'XY-CD-P1-DIG', name: '旭升电子地块', mu: 35, landUse: 'industrial', holderEnterpriseId: idOf('华浔电子'), contractSignedOn: '2021-03-15',
      history: [{ status: 'producing', since: '2010-03-01' }, { status: 'suspended', since: '2020-06-30' }, { status: 'producing', since: '2021-11-30' }] },
    { code: 'zhihong', unitCode: 'XY-CD-P3-MFG', name: '智鸿地块', mu: 28, landUse: 'industrial', holderEnterpriseId: idOf('浔环环保'), contractSignedOn: '2022-01-20',
      history: [{ status: 'producing', since: '2011-06-01' }, { status: 'suspended', since: '2021-05-01' }, { status: 'producing', since: '2022-08-31' }] },
    { code: 'jinwangda', unitCode: 'XY-CD-P3-MFG', name: '金旺达地块', mu: 25, landUse: 'industrial', holderEnterpriseId: null, contractSignedOn: null,
      history: [{ status: 'producing', since: '2008-09-01' }, { status: 'suspended', since: '2022-06-30' }] },
    { code: 'xunxing', unitCode: 'XY-CD-P3-MFG', name: '原浔星铸造地块', mu: 18, landUse: 'industrial', holderEnterpriseId: null, contractSignedOn: null,
      history: [{ status: 'producing', since: '2007-05-01' }, { status: 'suspended', since: '2022-12-31' }, { status: 'recovered', since: '2024-12-20' }] },
  ];
  const taken = new Map<string, number>();
  for (const p of existing) taken.set(p.unitId, (taken.get(p.unitId) ?? 0) + 1);
  const codeOf = new Map<string, string>();
  const parcels = former.map((p) => {
    const unitId = unitIdOf(p.unitCode);
    const slot = taken.get(unitId) ?? 0;
    taken.set(unitId, slot + 1);
    const made = formerParcel(p, slot, unitIdOf);
    codeOf.set(p.code, made.input.code);
    return made;
  });
  const at = (key: string) => [codeOf.get(key) ?? parcelOf(key)].filter((c): c is string => c !== undefined);

  const cases: Omit<DemoCase, 'code'>[] = [
    {
      kind: 'replacement', title: '海源物流地块腾笼换鸟', enterpriseId: null, parcelCodes: at('haiyuan'),
      reason: '原海源物流仓储业务萎缩，场地长期低效使用；结合九江进口肉类产业园建设实施腾笼换鸟。', figure: { indicator: 'taxPerMu', year: 2018, value: 0.6, benchmark: 8 },
      incomingEnterpriseId: idOf('浔港肉类'), incomingProject: '进口肉类精深加工项目', department: 'investment', responsiblePerson: '招商局 陈明',
      startOn: '2019-05-10', deadlineOn: '2020-12-31', completedOn: '2020-09-30',
      states: [{ state: 'draft', since: '2019-04-15' }, { state: 'inProgress', since: '2019-05-10' }, { state: 'completed', since: '2020-09-30' }],
      milestones: [done('与原用地单位协商退出', '2019-08-30'), done('资产评估并签订补偿协议', '2019-11-15'), done('引进浔港肉类食品并签订入园协议', '2019-11-20'), done('厂房改造完成，新项目投产', '2020-09-30')],
    },
    {
      kind: 'replacement', title: '旭升电子地块腾笼换鸟', enterpriseId: null, parcelCodes: at('xusheng'),
      reason: '原旭升电子订单萎缩、长期半停产，厂房大部分闲置。', figure: { indicator: 'taxPerMu', year: 2019, value: 1.2, benchmark: 10 },
      incomingEnterpriseId: idOf('华浔电子'), incomingProject: '电子材料扩产项目', department: 'investment', responsiblePerson: '招商局 陈明',
      startOn: '2020-08-01', deadlineOn: '2021-12-31', completedOn: '2021-11-30',
      states: [{ state: 'draft', since: '2020-07-10' }, { state: 'inProgress', since: '2020-08-01' }, { state: 'completed', since: '2021-11-30' }],
      milestones: [done('协商收购厂房及土地使用权', '2020-12-20'), done('办理不动产转移登记', '2021-03-15'), done('厂房改造与设备安装', '2021-09-30'), done('新项目投产', '2021-11-30')],
    },
    {
      kind: 'replacement', title: '智鸿地块腾笼换鸟', enterpriseId: null, parcelCodes: at('zhihong'),
      reason: '原智鸿公司停产，土地和厂房闲置。', figure: null,
      incomingEnterpriseId: idOf('浔环环保'), incomingProject: '环保设备生产线扩建项目', department: 'land', responsiblePerson: '规划土地局 刘志华',
      startOn: '2021-06-15', deadlineOn: '2022-12-31', completedOn: '2022-08-31',
      states: [{ state: 'draft', since: '2021-06-01' }, { state: 'inProgress', since: '2021-06-15' }, { state: 'completed', since: '2022-08-31' }],
      milestones: [done('依法清算并协商退出', '2021-10-30'), done('土地使用权转让', '2022-01-20'), done('新项目开工', '2022-03-01'), done('新项目投产', '2022-08-31')],
    },
    {
      kind: 'replacement', title: '金旺达地块腾笼换鸟', enterpriseId: null, parcelCodes: at('jinwangda'),
      reason: '原金旺达企业工艺落后、已停产，按“两断四清”腾出场地后招引新项目。', figure: null,
      incomingEnterpriseId: null, incomingProject: '新材料项目（洽谈中）', department: 'land', responsiblePerson: '规划土地局 刘志华',
      startOn: '2022-07-01', deadlineOn: month(10), completedOn: null,
      states: [{ state: 'draft', since: '2022-06-20' }, { state: 'inProgress', since: '2022-07-01' }],
      milestones: [
        done('断水、断电', '2022-07-15', '安全环保局'), done('清原料', '2022-08-20'), done('清产品', '2022-08-31'), done('清设备', '2022-10-31'), done('清场地', '2022-12-20'),
        done('地块评估与收储方案', '2023-06-30'), open('新项目招引签约', month(3), '招商局'), open('新项目供地', month(8)),
      ],
    },
    {
      kind: 'negotiatedRecovery', title: '原浔星铸造地块协商收回', enterpriseId: null, parcelCodes: at('xunxing'),
      reason: '铸造企业停产，无力继续经营，经协商同意由政府有偿收回土地使用权。', figure: null,
      incomingEnterpriseId: null, incomingProject: null, department: 'land', responsiblePerson: '规划土地局 刘志华',
      startOn: '2023-05-01', deadlineOn: '2024-12-31', completedOn: '2024-12-20',
      states: [{ state: 'draft', since: '2023-04-10' }, { state: 'inProgress', since: '2023-05-01' }, { state: 'completed', since: '2024-12-20' }],
      milestones: [done('土地及地上建筑物评估', '2023-08-31'), done('签订收回补偿协议', '2024-03-15'), done('支付补偿款', '2024-09-30'), done('注销不动产登记，地块收储', '2024-12-20')],
    },
    {
      kind: 'upgrade', title: '赣玻复合材料增资技改', enterpriseId: idOf('赣玻'), parcelCodes: at('赣玻'),
      reason: '规下企业，产品附加值低，亩均税收偏低。', figure: { indicator: 'taxPerMu', year: 2023, value: 2.8, benchmark: 9 },
      incomingEnterpriseId: null, incomingProject: null, department: 'economy', responsiblePerson: '经济发展局 周丽',
      startOn: '2024-04-01', deadlineOn: '2025-12-31', completedOn: null,
      states: [{ state: 'draft', since: '2024-03-10' }, { state: 'inProgress', since: '2024-04-01' }, { state: 'terminated', since: '2025-09-15', note: '企业融资未落实，技改项目取消，另行研究处置方式。' }],
      milestones: [done('技改方案论证', '2024-06-30'), open('设备采购', '2025-06-30')],
    },
    {
      kind: 'rectification', title: '精诚铜业地块限期整改', enterpriseId: idOf('精诚铜业'), parcelCodes: at('精诚铜业'),
      reason: '亩均税收连续两年低于园区工业用地平均水平的三分之一，部分厂房闲置。', figure: { indicator: 'taxPerMu', year: lastYear, value: 2.1, benchmark: 9.5 },
      incomingEnterpriseId: null, incomingProject: null, department: 'land', responsiblePerson: '规划土地局 刘志华',
      startOn: month(-9), deadlineOn: month(3), completedOn: null,
      states: [{ state: 'draft', since: month(-10) }, { state: 'inProgress', since: month(-9) }],
      milestones: [done('企业提交整改方案', month(-8)), open('闲置厂房出租或盘活', month(-2), '精诚铜业'), open('亩均税收达到6万元/亩', month(3))],
    },
    {
      kind: 'upgrade', title: '长江船舶配件增资技改', enterpriseId: idOf('长江船舶'), parcelCodes: at('长江船舶'),
      reason: '规下企业，设备老化、产出效率低。', figure: { indicator: 'revenuePerMu', year: lastYear, value: 120, benchmark: 300 },
      incomingEnterpriseId: null, incomingProject: null, department: 'economy', responsiblePerson: '经济发展局 周丽',
      startOn: month(-6), deadlineOn: month(6), completedOn: null,
      states: [{ state: 'draft', since: month(-7) }, { state: 'inProgress', since: month(-6) }],
      milestones: [done('技改项目备案', month(-5)), done('新增注册资本500万元到位', month(-3)), open('数控设备采购安装', month(2)), open('技改项目竣工验收', month(6))],
    },
    {
      kind: 'merger', title: '浔润石化兼并浔东石化助剂', enterpriseId: idOf('浔东石化'), parcelCodes: at('浔东石化'),
      reason: '规下化工企业，产能利用率不足四成；同区浔润石化有意兼并整合，提升土地产出。', figure: { indicator: 'taxPerMu', year: lastYear, value: 3.6, benchmark: 9.5 },
      incomingEnterpriseId: idOf('浔润石化'), incomingProject: null, department: 'economy', responsiblePerson: '经济发展局 周丽',
      startOn: null, deadlineOn: month(12), completedOn: null,
      states: [{ state: 'draft', since: month(-1) }],
      milestones: [open('资产评估', month(2)), open('签订兼并协议', month(4)), open('办理工商及不动产变更登记', month(8))],
    },
  ];
  const codes: string[] = [];
  const numbered = cases.map((c) => {
    const code = nextCaseCode((c.startOn ?? c.states[0]!.since).slice(0, 4), codes);
    codes.push(code);
    return { code, ...c };
  });
  return { parcels, cases: numbered };
}
