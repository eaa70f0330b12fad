/**
 * The demo dataset: the Chengdong Industrial Base (城东工业基地) as its industrial development plan
 * describes it (the committee's plan, shared/plan/chengdong-industrial-plan.txt, 二(一) and 四(二)).
 *
 * What the plan states: 27 industrial enterprises of which 15 规上, 3 logistics/warehousing firms,
 * 1 incubator (津晶城孵化基地: 国家级科技企业孵化器、众创空间); 鸿利达新材料 国家专精特新"小巨人";
 * 杰尼新材料 国家高新技术企业 and "两高"; 钒宇新材料 "两高"; 齐鑫化工 within 1 km of the Yangtze;
 * 新雪域冷链物流 省重点冷链物流企业; the named firms 紫昊新材料, 金鑫有色 (500吨超高纯氧化物技改),
 * 鑫鹰人防设备, 九星运动用品, 中铁九桥工程, 琵琶湖农产品物流, 货来货往物流; 13 meat-chain firms.
 * Everything else (full names, codes, people, addresses, phones, dates, most flags) is invented and
 * every description starts with "（演示数据）". USCCs are valid but fictitious.
 */
import { completeUscc } from '@yuanqu/contracts';
import type { Department, EnterpriseFields, Role, UnitKind } from '@yuanqu/contracts';

export interface DemoUnit {
  code: string;
  parentCode: string | null;
  kind: UnitKind;
  name: string;
}

/** An enterprise as the API takes it, placed by unit code instead of id. */
export type DemoEnterprise = Omit<EnterpriseFields, 'unitId'> & { unitCode: string };

export interface DemoAccount {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departments: Department[];
  enterpriseUscc: string | null;
  unitCodes: string[] | null;
}

/** 浔阳区 → 城东工业基地 → 1号园 / 3号园 → the plan's four functional zones ("一轴两园四区"). */
export const DEMO_UNITS: DemoUnit[] = [
  { code: 'XY', parentCode: null, kind: 'district', name: '浔阳区' },
  { code: 'XY-CD', parentCode: 'XY', kind: 'base', name: '城东工业基地' },
  { code: 'XY-CD-P1', parentCode: 'XY-CD', kind: 'park', name: '1号园' },
  { code: 'XY-CD-P3', parentCode: 'XY-CD', kind: 'park', name: '3号园' },
  { code: 'XY-CD-P1-DIG', parentCode: 'XY-CD-P1', kind: 'zone', name: '数字经济功能区' },
  { code: 'XY-CD-P1-LOG', parentCode: 'XY-CD-P1', kind: 'zone', name: '商贸物流功能区（1号园）' },
  { code: 'XY-CD-P1-PET', parentCode: 'XY-CD-P1', kind: 'zone', name: '石油化工功能区' },
  { code: 'XY-CD-P3-MFG', parentCode: 'XY-CD-P3', kind: 'zone', name: '高端制造功能区' },
  { code: 'XY-CD-P3-LOG', parentCode: 'XY-CD-P3', kind: 'zone', name: '商贸物流功能区（3号园）' },
];

/** A valid, fictitious USCC: 91 (enterprise) + 360403 (浔阳区) + an 8-character organization body. */
const u = (body: string): string => completeUscc(`91360403${body}`);
const addr = (no: string): string => `江西省九江市浔阳区滨江东路${no}`;
const DEMO = '（演示数据）';

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  // ── 1号园 · 数字经济功能区 ──
  { uscc: u('MA35R2K7'), name: '九江浔芯电路科技有限公司', legalRepresentative: '周建华', address: addr('216号'), unitCode: 'XY-CD-P1-DIG',
    industryChain: 'digital', industryCode: '3982', category: 'industrial', scale: 'above', scaleSince: '2020-01-01', establishedOn: '2017-05-12',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 68, contactName: '刘晓燕', contactPhone: '0792-8216301',
    description: `${DEMO}多层及高密度互连印制电路板（PCB）生产。`,
    qualifications: [{ type: 'highTech', grantedOn: '2024-11-19', expiresOn: '2027-11-18', certificateNo: 'GR202436001127' }] },
  { uscc: u('MA37T8W4'), name: '九江华浔电子材料有限公司', legalRepresentative: '吴国庆', address: addr('228号'), unitCode: 'XY-CD-P1-DIG',
    industryChain: 'digital', industryCode: '3985', category: 'industrial', scale: 'above', scaleSince: '2021-01-01', establishedOn: '2018-09-03',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 61, contactName: '陈丽', contactPhone: '0792-8216458',
    description: `${DEMO}覆铜板用电子级玻纤布及铜箔等电子专用材料生产。`,
    qualifications: [{ type: 'provincialSrdi', grantedOn: '2024-12-20', expiresOn: '2027-12-19', certificateNo: null }] },
  { uscc: u('MA39B5N2'), name: '九江东智传感技术有限公司', legalRepresentative: '郑伟', address: addr('232号云创科技产业园A2栋'), unitCode: 'XY-CD-P1-DIG',
    industryChain: 'digital', industryCode: '3983', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2020-06-18',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 52, contactName: '黄婷', contactPhone: '0792-8217720',
    description: `${DEMO}工业物联网温湿度、压力传感器及数据采集模块研发生产。`,
    qualifications: [{ type: 'highTech', grantedOn: '2023-12-08', expiresOn: '2026-12-07', certificateNo: 'GR202336002265' }] },
  { uscc: u('MA3AC6H1'), name: '九江浔光通信设备有限公司', legalRepresentative: '孙海涛', address: addr('232号云创科技产业园B1栋'), unitCode: 'XY-CD-P1-DIG',
    industryChain: 'digital', industryCode: '3921', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2021-03-22',
    twoHigh: false, nearYangtze: false, cloudAdopted: false, cncRate: 45, contactName: '王磊', contactPhone: '0792-8217836',
    description: `${DEMO}5G小基站配套光通信模块及通信系统设备组装。`, qualifications: [] },
  { uscc: u('MA3BE7J9'), name: '九江云帆智能终端有限公司', legalRepresentative: '李春梅', address: addr('232号云创科技产业园B3栋'), unitCode: 'XY-CD-P1-DIG',
    industryChain: 'digital', industryCode: '3919', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2022-04-11',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 38, contactName: '赵敏', contactPhone: '0792-8218105',
    description: `${DEMO}工控一体机、行业平板等智能终端生产（"工业上楼"入驻企业）。`, qualifications: [] },

  // ── 1号园 · 商贸物流功能区（冷链物流、肉类深加工） ──
  { uscc: u('MA35D3F8'), name: '九江新雪域冷链物流有限公司', legalRepresentative: '何志强', address: addr('158号九江进口肉类产业园'), unitCode: 'XY-CD-P1-LOG',
    industryChain: 'logistics', industryCode: '5930', category: 'logistics', scale: 'below', scaleSince: null, establishedOn: '2016-04-12',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: null, contactName: '杨帆', contactPhone: '0792-8158020',
    description: `${DEMO}进口肉类冷链仓储、配送。规划所述：省重点冷链物流企业，基地冷链物流龙头，推进新雪域3.0全自动化冷库；其余信息为演示数据。`,
    qualifications: [{ type: 'provincialKey', grantedOn: '2022-06-15', expiresOn: null, certificateNo: null }] },
  { uscc: u('MA38H4K6'), name: '九江浔港肉类食品有限公司', legalRepresentative: '罗永红', address: addr('162号九江进口肉类产业园3栋'), unitCode: 'XY-CD-P1-LOG',
    industryChain: 'logistics', industryCode: '1353', category: 'industrial', scale: 'above', scaleSince: '2021-06-01', establishedOn: '2019-08-16',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 55, contactName: '许静', contactPhone: '0792-8162233',
    description: `${DEMO}进口冻肉分割、调理肉制品加工。规划所述：基地引进13家肉类产业链企业，本企业为其中之一的演示代表。`, qualifications: [] },
  { uscc: u('MA3AL2P5'), name: '九江口岸冷鲜食品有限公司', legalRepresentative: '冯小军', address: addr('162号九江进口肉类产业园5栋'), unitCode: 'XY-CD-P1-LOG',
    industryChain: 'logistics', industryCode: '1432', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2021-10-09',
    twoHigh: false, nearYangtze: false, cloudAdopted: false, cncRate: 30, contactName: '邓芳', contactPhone: '0792-8162517',
    description: `${DEMO}以进口肉类为原料的速冻调理食品生产。规划所述：基地引进13家肉类产业链企业，本企业为其中之一的演示代表。`, qualifications: [] },

  // ── 1号园 · 石油化工功能区（长江干支流岸线一公里范围内） ──
  { uscc: u('70551826'), name: '九江齐鑫化工有限公司', legalRepresentative: '胡德明', address: addr('86号'), unitCode: 'XY-CD-P1-PET',
    industryChain: 'petrochemical', industryCode: '2614', category: 'industrial', scale: 'above', scaleSince: '2011-01-01', establishedOn: '2005-03-18',
    twoHigh: false, nearYangtze: true, cloudAdopted: false, cncRate: 35, contactName: '程刚', contactPhone: '0792-8086112',
    description: `${DEMO}有机化学原料生产。规划所述：位于长江干支流岸线一公里范围内，开展安全环保风险评估并分类整治；产品、规模等为演示数据。`, qualifications: [] },
  { uscc: u('70553047'), name: '九江浔东石化助剂有限公司', legalRepresentative: '朱立新', address: addr('92号'), unitCode: 'XY-CD-P1-PET',
    industryChain: 'petrochemical', industryCode: '2661', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2009-07-21',
    twoHigh: false, nearYangtze: true, cloudAdopted: false, cncRate: 28, contactName: '高建军', contactPhone: '0792-8086347',
    description: `${DEMO}炼化用助剂、水处理剂生产（所在区块位于长江岸线一公里范围内）。`, qualifications: [] },
  { uscc: u('70552381'), name: '九江浔润石化制品有限公司', legalRepresentative: '林国平', address: addr('98号'), unitCode: 'XY-CD-P1-PET',
    industryChain: 'petrochemical', industryCode: '2511', category: 'industrial', scale: 'above', scaleSince: '2014-01-01', establishedOn: '2008-11-05',
    twoHigh: false, nearYangtze: true, cloudAdopted: false, cncRate: 42, contactName: '谢红', contactPhone: '0792-8086590',
    description: `${DEMO}润滑油调和及石油制品加工（所在区块位于长江岸线一公里范围内）。`, qualifications: [] },

  // ── 3号园 · 高端制造功能区 · 新材料 ──
  { uscc: u('70554612'), name: '九江鸿利达新材料有限公司', legalRepresentative: '张立军', address: addr('688号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'newMaterials', industryCode: '2651', category: 'industrial', scale: 'above', scaleSince: '2016-01-01', establishedOn: '2010-04-26',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 72, contactName: '方红梅', contactPhone: '0792-8688216',
    description: `${DEMO}高性能合成树脂生产。规划所述：国家专精特新"小巨人"企业，树脂项目建设接近尾声；其余信息为演示数据。`,
    qualifications: [
      { type: 'littleGiant', grantedOn: '2022-08-01', expiresOn: '2028-07-31', certificateNo: null },
      { type: 'provincialSrdi', grantedOn: '2020-12-18', expiresOn: '2026-12-17', certificateNo: null },
    ] },
  { uscc: u('70554975'), name: '九江杰尼新材料有限公司', legalRepresentative: '梁志刚', address: addr('702号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'newMaterials', industryCode: '3240', category: 'industrial', scale: 'above', scaleSince: '2013-01-01', establishedOn: '2009-06-15',
    twoHigh: true, nearYangtze: false, cloudAdopted: true, cncRate: 58, contactName: '宋丽华', contactPhone: '0792-8702135',
    description: `${DEMO}有色金属合金材料生产。规划所述：国家高新技术企业，"两高"项目，鼓励转型升级发展金属新材料；其余信息为演示数据。`,
    qualifications: [{ type: 'highTech', grantedOn: '2024-11-19', expiresOn: '2027-11-18', certificateNo: 'GR202436000854' }] },
  { uscc: u('70553518'), name: '九江钒宇新材料有限公司', legalRepresentative: '唐建国', address: addr('716号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'newMaterials', industryCode: '3140', category: 'industrial', scale: 'above', scaleSince: '2012-01-01', establishedOn: '2008-02-28',
    twoHigh: true, nearYangtze: false, cloudAdopted: true, cncRate: 50, contactName: '韩冬', contactPhone: '0792-8716408',
    description: `${DEMO}钒氮合金等钒系合金冶炼。规划所述："两高"项目，鼓励转型升级发展金属新材料；产品等为演示数据。`, qualifications: [] },
  { uscc: u('MA35F9G3'), name: '九江紫昊新材料有限公司', legalRepresentative: '曹文斌', address: addr('728号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'newMaterials', industryCode: '3062', category: 'industrial', scale: 'above', scaleSince: '2018-01-01', establishedOn: '2015-10-20',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 63, contactName: '彭晓东', contactPhone: '0792-8728662',
    description: `${DEMO}玻纤增强复合功能材料生产。规划所述：提升项目达成后产能实现倍增，鼓励深化发展服务型制造；产品等为演示数据。`,
    qualifications: [{ type: 'highTech', grantedOn: '2023-12-08', expiresOn: '2026-12-07', certificateNo: 'GR202336001493' }] },
  { uscc: u('70552764'), name: '九江金鑫有色金属有限公司', legalRepresentative: '袁振华', address: addr('736号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'newMaterials', industryCode: '3239', category: 'industrial', scale: 'above', scaleSince: '2012-01-01', establishedOn: '2006-05-08',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 55, contactName: '邱燕', contactPhone: '0792-8736219',
    description: `${DEMO}高纯稀有金属氧化物生产。规划所述：500吨超高纯氧化物及配套系统技改项目建设接近尾声；其余信息为演示数据。`, qualifications: [] },
  { uscc: u('MA3BN6Q8'), name: '九江浔锂新能源材料有限公司', legalRepresentative: '蒋涛', address: addr('748号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'newMaterials', industryCode: '2669', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2022-07-14',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 48, contactName: '沈佳', contactPhone: '0792-8748351',
    description: `${DEMO}锂电池电解液添加剂生产。`, qualifications: [] },
  { uscc: u('MA35P4R1'), name: '九江赣玻复合材料有限公司', legalRepresentative: '徐长青', address: addr('756号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'newMaterials', industryCode: '3061', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2016-03-30',
    twoHigh: false, nearYangtze: false, cloudAdopted: false, cncRate: 40, contactName: '任丽', contactPhone: '0792-8756174',
    description: `${DEMO}玻璃纤维短切毡、方格布等玻纤制品生产。`, qualifications: [] },
  { uscc: u('70555238'), name: '九江浔阳铝材有限公司', legalRepresentative: '马德胜', address: addr('768号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'newMaterials', industryCode: '3252', category: 'industrial', scale: 'above', scaleSince: '2017-01-01', establishedOn: '2011-08-19',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 60, contactName: '钟伟', contactPhone: '0792-8768025',
    description: `${DEMO}高性能铝合金板带及工业型材压延加工。`,
    qualifications: [{ type: 'provincialSrdi', grantedOn: '2023-12-15', expiresOn: '2026-12-14', certificateNo: null }] },
  { uscc: u('MA35K1L6'), name: '九江精诚铜业有限公司', legalRepresentative: '潘玉兰', address: addr('776号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'newMaterials', industryCode: '3251', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2015-11-02',
    twoHigh: false, nearYangtze: false, cloudAdopted: false, cncRate: 35, contactName: '田勇', contactPhone: '0792-8776340',
    description: `${DEMO}精密铜管、铜带压延加工。`, qualifications: [] },

  // ── 3号园 · 高端制造功能区 · 装备制造 ──
  { uscc: u('70553902'), name: '九江鑫鹰人防设备有限公司', legalRepresentative: '杜建平', address: addr('808号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'equipment', industryCode: '3312', category: 'industrial', scale: 'above', scaleSince: '2015-01-01', establishedOn: '2007-10-12',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 46, contactName: '姚军', contactPhone: '0792-8808127',
    description: `${DEMO}人防防护密闭门、防爆波活门等人防设备生产。规划所述：鼓励做优主营、延伸高端产品；其余信息为演示数据。`, qualifications: [] },
  { uscc: u('70551459'), name: '九江九星运动用品有限公司', legalRepresentative: '卢金凤', address: addr('816号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'equipment', industryCode: '2443', category: 'industrial', scale: 'above', scaleSince: '2014-01-01', establishedOn: '2005-12-20',
    twoHigh: false, nearYangtze: false, cloudAdopted: false, cncRate: 44, contactName: '熊波', contactPhone: '0792-8816263',
    description: `${DEMO}跑步机、健身车等健身器材生产。规划所述：鼓励做优主营、延伸高端产品；产品等为演示数据。`, qualifications: [] },
  { uscc: u('70550873'), name: '中铁九桥工程有限公司', legalRepresentative: '金国栋', address: addr('828号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'equipment', industryCode: '3311', category: 'industrial', scale: 'above', scaleSince: '2011-01-01', establishedOn: '2003-06-18',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 70, contactName: '秦伟', contactPhone: '0792-8828410',
    description: `${DEMO}桥梁钢结构制造。规划所述：鼓励基于自身优势深化发展服务型制造；代码、人员、日期等为演示数据。`, qualifications: [] },
  { uscc: u('MA35W2X7'), name: '九江浔环环保设备有限公司', legalRepresentative: '魏明', address: addr('836号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'equipment', industryCode: '3591', category: 'industrial', scale: 'above', scaleSince: '2022-01-01', establishedOn: '2016-07-05',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 57, contactName: '蔡静', contactPhone: '0792-8836552',
    description: `${DEMO}烟气脱硫脱硝、有机废气净化等环保设备制造。`,
    qualifications: [{ type: 'srdiSme', grantedOn: '2024-06-28', expiresOn: '2027-06-27', certificateNo: null }] },
  { uscc: u('70554186'), name: '九江长江船舶配件有限公司', legalRepresentative: '薛福生', address: addr('848号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'equipment', industryCode: '3734', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2013-05-27',
    twoHigh: false, nearYangtze: false, cloudAdopted: false, cncRate: 42, contactName: '叶青', contactPhone: '0792-8848103',
    description: `${DEMO}内河船舶舾装件及船用配套设备制造。`, qualifications: [] },
  { uscc: u('MA3AT5U3'), name: '九江智浔机器人科技有限公司', legalRepresentative: '阎志远', address: addr('856号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'equipment', industryCode: '3491', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2021-09-15',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: 55, contactName: '余洁', contactPhone: '0792-8856277',
    description: `${DEMO}焊接、码垛工业机器人系统集成与整机制造。`,
    qualifications: [{ type: 'srdiSme', grantedOn: '2025-05-20', expiresOn: '2028-05-19', certificateNo: null }] },
  { uscc: u('MA35M8N4'), name: '九江恒锐精密模具有限公司', legalRepresentative: '汪建新', address: addr('864号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'equipment', industryCode: '3525', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2016-08-08',
    twoHigh: false, nearYangtze: false, cloudAdopted: false, cncRate: 62, contactName: '戴红', contactPhone: '0792-8864395',
    description: `${DEMO}汽车及家电精密冲压、注塑模具制造。`, qualifications: [] },
  { uscc: u('MA39Q7R2'), name: '九江康浔医疗器械有限公司', legalRepresentative: '夏雨', address: addr('872号'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'equipment', industryCode: '3589', category: 'industrial', scale: 'below', scaleSince: null, establishedOn: '2020-02-26',
    twoHigh: false, nearYangtze: false, cloudAdopted: false, cncRate: 44, contactName: '江涛', contactPhone: '0792-8872416',
    description: `${DEMO}便携式理疗、康复辅助医疗器械生产。`, qualifications: [] },

  // ── 3号园 · 高端制造功能区 · 科技服务（孵化器） ──
  { uscc: u('MA35A6B9'), name: '九江津晶城孵化基地管理有限公司', legalRepresentative: '范文静', address: addr('888号津晶城科技园'), unitCode: 'XY-CD-P3-MFG',
    industryChain: 'techService', industryCode: '7540', category: 'incubator', scale: 'below', scaleSince: null, establishedOn: '2015-10-16',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: null, contactName: '石磊', contactPhone: '0792-8888016',
    description: `${DEMO}科技企业孵化与创业空间运营（津晶城孵化基地）。规划所述：国家级科技企业孵化器、众创空间；日期等为演示数据。`,
    qualifications: [
      { type: 'nationalIncubator', grantedOn: '2021-12-06', expiresOn: null, certificateNo: null },
      { type: 'makerSpace', grantedOn: '2019-11-22', expiresOn: null, certificateNo: null },
    ] },

  // ── 3号园 · 商贸物流功能区（仓储物流、城市配送） ──
  { uscc: u('70552947'), name: '九江琵琶湖农产品物流有限公司', legalRepresentative: '黎光明', address: addr('902号'), unitCode: 'XY-CD-P3-LOG',
    industryChain: 'logistics', industryCode: '5959', category: 'logistics', scale: 'below', scaleSince: null, establishedOn: '2012-03-19',
    twoHigh: false, nearYangtze: false, cloudAdopted: false, cncRate: null, contactName: '贺敏', contactPhone: '0792-8902231',
    description: `${DEMO}农产品仓储与批发配送。规划所述：基地依托的农产品物流服务载体（名称来自规划）；其余信息为演示数据。`, qualifications: [] },
  { uscc: u('MA37C3D5'), name: '九江货来货往物流有限公司', legalRepresentative: '龚晓峰', address: addr('916号'), unitCode: 'XY-CD-P3-LOG',
    industryChain: 'logistics', industryCode: '5431', category: 'logistics', scale: 'below', scaleSince: null, establishedOn: '2018-05-23',
    twoHigh: false, nearYangtze: false, cloudAdopted: true, cncRate: null, contactName: '万丽', contactPhone: '0792-8916342',
    description: `${DEMO}零担专线运输与城市快消品配送。规划所述：基地依托的物流服务载体（名称来自规划）；其余信息为演示数据。`, qualifications: [] },
];

function usccOf(shortName: string): string {
  const found = DEMO_ENTERPRISES.find((e) => e.name.includes(shortName));
  if (!found) throw new Error(`demo enterprise not found: ${shortName}`);
  return found.uscc;
}

/** Demo-only sign-ins, printed when the server starts with --demo. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', password: 'Chengdong@Sys2025', role: 'admin', departments: [], enterpriseUscc: null, unitCodes: null },
  { username: 'stats', displayName: '经济发展局 统计员', password: 'Yuanqu@Demo2025', role: 'staff', departments: ['economy'], enterpriseUscc: null, unitCodes: null },
  { username: 'shenhe', displayName: '经济发展局 科长（审核）', password: 'Yuanqu@Demo2025', role: 'staff', departments: ['economy'], enterpriseUscc: null, unitCodes: null },
  { username: 'zhaoshang', displayName: '招商局 招商专员', password: 'Yuanqu@Demo2025', role: 'staff', departments: ['investment'], enterpriseUscc: null, unitCodes: null },
  { username: 'tudi', displayName: '规划土地局 土地专员', password: 'Yuanqu@Demo2025', role: 'staff', departments: ['land'], enterpriseUscc: null, unitCodes: null },
  { username: 'leader', displayName: '管委会领导', password: 'Yuanqu@Demo2025', role: 'leader', departments: [], enterpriseUscc: null, unitCodes: null },
  { username: 'hongli', displayName: '鸿利达新材料 企业联络员', password: 'Yuanqu@Demo2025', role: 'enterprise', departments: [], enterpriseUscc: usccOf('鸿利达新材料'), unitCodes: null },
  { username: 'xinxueyu', displayName: '新雪域冷链物流 企业联络员', password: 'Yuanqu@Demo2025', role: 'enterprise', departments: [], enterpriseUscc: usccOf('新雪域冷链物流'), unitCodes: null },
];
