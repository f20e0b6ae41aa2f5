import type { OrgKind } from '../../domain/shared/orgs';
import { yearOf } from '../../domain/shared/dates';
import type { Auth } from '../auth/access';
import type { OrgRow } from '../orgs/repo';
import type { Services } from '../services';

/** Demo bodies: [name, kind, level, region code, parent name]. */
const DEMO_ORGS: Array<[string, OrgKind, string, string, string | null]> = [
  ['四川省政协机关', '机关', '省', '510000000000', null],
  ['四川省工商联', '工商联', '省', '510000000000', null],
  ['四川省总商会', '商会', '省', '510000000000', '四川省工商联'],
  ['凉山州政协', '政协', '市', '513400000000', null],
  ['昭觉县政协', '政协', '县', '513431000000', '凉山州政协'],
  ['昭觉县政协第一委员组', '委员组', '县', '513431000000', '昭觉县政协'],
  ['美姑县政协', '政协', '县', '513436000000', '凉山州政协'],
  ['成都市政协', '政协', '市', '510100000000', null],
  ['成都市政协经济界别', '界别', '市', '510100000000', '成都市政协'],
  ['成都市经促分会', '经促分会', '市', '510100000000', '成都市政协'],
  ['甘孜州政协', '政协', '市', '513300000000', null],
  ['康定市政协', '政协', '县', '513301000000', '甘孜州政协'],
];

const DEMO_MEMBERS: Array<[string, string, string, string]> = [
  ['王建国', '四川省政协机关', '经济界', '农业技术推广'],
  ['李晓梅', '四川省政协机关', '医药卫生界', '内科医生'],
  ['张志强', '四川省总商会', '工商联界', '食品加工企业'],
  ['阿说伍各', '昭觉县政协', '少数民族界', '彝族文化'],
  ['吉克阿呷', '昭觉县政协第一委员组', '农业界', '马铃薯种植'],
  ['沙马拉则', '昭觉县政协第一委员组', '教育界', '小学教师'],
  ['曲比阿果', '美姑县政协', '农业界', '养殖'],
  ['陈卫东', '成都市政协经济界别', '经济界', '金融'],
  ['刘芳', '成都市经促分会', '工商联界', '电商销售'],
  ['泽仁多吉', '康定市政协', '宗教界', '藏医'],
  ['周明', '成都市政协', '科技界', '通信工程'],
];

/** The CPPCC side of the demo: bodies, members and ledger entries (the caller loads it into an empty database only). */
export async function loadLedgerDemo(services: Services, auth: Auth, root: OrgRow): Promise<{ entries: number; orgs: Map<string, OrgRow>; members: Map<string, number> }> {
  const byName = new Map<string, OrgRow>([[root.name, root]]);
  for (const [name, kind, level, regionCode, parent] of DEMO_ORGS) {
    const org = await services.orgs.createUnchecked(byName.get(parent ?? root.name) ?? root, { name, kind, level, regionCode });
    byName.set(name, org);
  }
  const memberIds = new Map<string, number>();
  for (const [name, orgName, sector, skills] of DEMO_MEMBERS) {
    const m = await services.members.create(auth, byName.get(orgName)!.id, { name, sector, skills });
    memberIds.set(name, m.id);
  }
  const unable = await services.members.create(auth, byName.get('美姑县政协')!.id, { name: '马海木呷', sector: '农业界', skills: '' });
  await services.members.update(auth, unable.id, { status: 'unable', unableReason: '长期病休', unableFrom: '2019-03-01', version: unable.version });

  const villagesOf = async (countyCode: string) => {
    const towns = await services.regions.children(countyCode);
    const villages = [];
    for (const t of towns.slice(0, 3)) villages.push(...(await services.regions.children(t.code)));
    return villages;
  };
  const zhaojue = await villagesOf('513431000000');
  const meigu = await villagesOf('513436000000');
  const kangding = await villagesOf('513301000000');
  const v = (list: Array<{ code: string }>, i: number) => list[i % Math.max(list.length, 1)]?.code;

  type Demo = { org: string; sub: string; region?: string; text?: string; content: string; funds?: Record<string, string>; ben?: number; year: number; end?: number; members?: string[]; doc?: string };
  const entries: Demo[] = [
    { org: '四川省政协机关', sub: '0702', text: '昭觉县三岔河乡三河村 吉伍阿呷户', content: '按省委组织部文件结对帮扶贫困户，帮助发展养殖', funds: { personal: '0.5' }, ben: 5, year: 2018, end: 2020, members: ['王建国'], doc: '川组通〔2018〕15号' },
    { org: '四川省政协机关', sub: '0104', text: '关于加快凉山州彝区产业扶贫的提案', content: '提出加快彝区特色农业产业发展的提案，已立案交省农业农村厅办理', year: 2019, members: ['王建国'] },
    { org: '四川省政协机关', sub: '0601', region: v(zhaojue, 1), content: '组织医药卫生界委员开展义诊活动，为群众免费体检', funds: { donation: '0.2', social: '1.5' }, ben: 320, year: 2019, members: ['李晓梅'] },
    { org: '四川省总商会', sub: '0203', region: v(zhaojue, 2), content: '引进企业建设苦荞加工厂，带动贫困户就业', funds: { social: '120', bank: '80' }, ben: 150, year: 2019, end: 2020, members: ['张志强'] },
    { org: '昭觉县政协', sub: '0701', region: v(zhaojue, 0), content: '县政协机关结对帮扶贫困村，完善村内道路和饮水设施', funds: { fiscal: '35.6', social: '5' }, ben: 860, year: 2018, end: 2020, doc: '昭委办〔2018〕8号' },
    { org: '昭觉县政协', sub: '0103', text: '全县易地扶贫搬迁工作', content: '组织委员对易地扶贫搬迁安置点建设开展民主监督', year: 2019, members: ['阿说伍各'] },
    { org: '昭觉县政协第一委员组', sub: '0201', region: v(zhaojue, 3), content: '提供马铃薯脱毒种薯和种植技术指导', funds: { personal: '1.2', social: '3.4' }, ben: 210, year: 2019, members: ['吉克阿呷'] },
    { org: '昭觉县政协第一委员组', sub: '0502', region: v(zhaojue, 4), content: '为贫困学生捐赠书包、文具和冬衣', funds: { donation: '0.6' }, ben: 85, year: 2020, members: ['沙马拉则', '吉克阿呷'] },
    { org: '美姑县政协', sub: '0202', region: v(meigu, 0), content: '支持建设美姑山羊养殖合作社', funds: { personal: '2', bank: '20' }, ben: 60, year: 2019, members: ['曲比阿果'] },
    { org: '美姑县政协', sub: '0303', region: v(meigu, 1), content: '协调修建通村硬化路 3.2 公里', funds: { fiscal: '96', social: '4' }, ben: 540, year: 2018 },
    { org: '成都市政协经济界别', sub: '0405', text: '凉山州小额信贷', content: '协调银行为贫困户发放扶贫小额信贷', funds: { bank: '300' }, ben: 120, year: 2019, members: ['陈卫东'] },
    { org: '成都市经促分会', sub: '0204', text: '凉山州农副产品', content: '组织电商平台销售凉山州农副产品', funds: { social: '15.8' }, ben: 400, year: 2020, members: ['刘芳'] },
    { org: '成都市政协', sub: '0102', text: '成都市对口帮扶甘孜州情况', content: '组织委员赴甘孜州调研对口帮扶工作', year: 2019, members: ['周明'] },
    { org: '成都市政协', sub: '0305', region: v(kangding, 0), content: '协调完成行政村宽带网络覆盖', funds: { social: '12' }, ben: 300, year: 2020, members: ['周明'] },
    { org: '康定市政协', sub: '0604', region: v(kangding, 1), content: '组织藏医开展巡回诊疗和远程会诊', funds: { donation: '0.3', social: '2' }, ben: 260, year: 2019, members: ['泽仁多吉'] },
    { org: '康定市政协', sub: '0801', text: '城镇困难群众', content: '春节期间走访慰问城镇困难群众', funds: { donation: '0.8' }, ben: 40, year: 2020 },
    { org: '四川省工商联', sub: '0404', text: '凉山州贫困劳动力', content: '组织会员企业专场招聘会，解决贫困劳动力就业', funds: { social: '6' }, ben: 230, year: 2019, members: ['张志强'] },
  ];
  const thisYear = yearOf(services.now());
  let n = 0;
  for (const e of entries) {
    if ((!e.region && !e.text) || e.year > thisYear) continue;
    await services.ledger.create(auth, {
      orgId: byName.get(e.org)!.id,
      memberIds: (e.members ?? []).map((name) => memberIds.get(name)!),
      subtypeCode: e.sub,
      target: e.region ? { kind: 'region', regionCode: e.region } : { kind: 'text', text: e.text },
      content: e.content,
      funds: e.funds ?? {},
      beneficiaries: e.ben ?? 0,
      deepPoverty: null,
      startYear: e.year,
      endYear: e.end && e.end <= thisYear + 5 ? e.end : null,
      documentNumber: e.doc ?? null,
      notOfficialDuty: true,
    });
    n++;
  }
  return { entries: n, orgs: byName, members: memberIds };
}
