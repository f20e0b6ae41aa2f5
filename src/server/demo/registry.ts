import { checkCharacter } from '../../domain/registry/id-number';
import type { PersonInput } from '../../contract/registry/households';
import type { Auth } from '../auth/access';
import type { RosterRow } from '../registry/roster';
import type { OrgRow } from '../orgs/repo';
import type { Services } from '../services';

export const DEMO_COUNTY = '513431000000';
/** 新城镇, 竹核镇, 三岔河镇 of 昭觉县 (GB/T 2260 codes; their villages come from the regions service). */
export const DEMO_TOWNSHIPS = ['513431100000', '513431102000', '513431106000'];
const VILLAGES_PER_TOWNSHIP = 3;

/** What becomes of a demo household: its status today and whether its 2019 income is above the national line. */
export type Plan = 'poor' | 'poorAbove' | 'exited' | 'stable' | 'relapsed' | 'removed';

/** The households of a township's three villages: every status in every township (ten households each). */
const VILLAGE_PLANS: Plan[][] = [
  ['poor', 'poorAbove', 'exited', 'stable'],
  ['poorAbove', 'relapsed', 'poor'],
  ['exited', 'poorAbove', 'removed'],
];

const SURNAMES = ['吉克', '阿说', '沙马', '曲比', '俄底', '阿克', '勒尔', '吉伍', '马海', '日火', '海来', '阿西'];
const MEN = ['阿呷', '拉则', '木呷', '伍各', '约哈', '石者', '尔古', '日洛', '子哈', '比尔', '阿木', '尔哈'];
const WOMEN = ['阿果', '阿依', '么么', '日者', '阿衣', '依布', '尔作', '阿芝', '拉玛', '阿支', '果果', '莫色'];
const CHILDREN = ['小明', '小芳', '阿牛', '小英', '小军', '小兰', '阿林', '小燕', '阿华', '小梅', '阿勇', '小丽'];
const CAUSES = ['缺技术', '缺资金', '因病', '缺劳力', '因学', '交通条件落后', '自身发展动力不足', '缺土地'];

export interface DemoHousehold {
  id: number;
  villageCode: string;
  township: string;
  plan: Plan;
  head: string;
  size: number;
}

export interface DemoRegistry {
  county: OrgRow;
  townships: Array<{ code: string; name: string; org: OrgRow; villages: Array<{ code: string; name: string; org: OrgRow }> }>;
  department: OrgRow;
  assessmentOffice: OrgRow;
  prefecture: OrgRow;
  households: DemoHousehold[];
}

/** A valid GB 11643 ID number of 昭觉县 for a birth date and a running number (odd: man, even: woman). */
let serial = 0;
function idNumber(birth: string, male: boolean): string {
  serial++;
  const seq = String(serial * 2 + (male ? 1 : 0)).padStart(3, '0').slice(-3);
  const body = `513431${birth}${seq}`;
  return `${body}${checkCharacter(body)}`;
}

/** A year's income items of a household of `size`: comfortably above (or below) the 2010-price line of that year. */
function income(size: number, above: boolean, year: number) {
  const step = year - 2017;
  return above
    ? { wages: size * (3600 + step * 300), business: size * 900, subsidies: size * 200, ecological: 300, businessCosts: size * 300 }
    : { wages: size * 1200, business: size * 600, subsidies: size * 250, minimumLiving: 0, businessCosts: size * 200 };
}

/**
 * The registry side of the demo: the 凉山州 and 昭觉县 offices down to the villages, the village profiles, and
 * households in every status with members and the income of 2019 (the last year the shipped national line has, so
 * every household gets an income verdict against it). Statuses are reached the way the registry allows
 * (exit needs the year's income above the line, stable exit an exited 一般贫困户, 返贫 an exited household).
 */
export async function loadRegistryDemo(services: Services, auth: Auth, root: OrgRow): Promise<DemoRegistry> {
  const { orgs, regions, registry } = services;
  const prefecture = await orgs.createUnchecked(root, { name: '凉山州扶贫开发领导小组办公室', kind: '扶贫办', level: '市', regionCode: '513400000000' });
  const assessmentOffice = await orgs.createUnchecked(prefecture, { name: '凉山州脱贫攻坚考核办', kind: '考核办', level: '市', regionCode: '513400000000' });
  const county = await orgs.createUnchecked(prefecture, { name: '昭觉县扶贫开发领导小组办公室', kind: '扶贫办', level: '县', regionCode: DEMO_COUNTY });
  const department = await orgs.createUnchecked(county, { name: '昭觉县公安局', kind: '行业部门', level: '县', regionCode: DEMO_COUNTY });
  const townships: DemoRegistry['townships'] = [];
  for (const code of DEMO_TOWNSHIPS) {
    const town = await regions.get(code);
    const org = await orgs.createUnchecked(county, { name: `${town.name}扶贫工作站`, kind: '乡镇扶贫工作站', level: '乡', regionCode: code });
    const villages = [];
    // Villages (村), not the town's urban communities (社区).
    for (const v of (await regions.children(code)).filter((r) => !r.name.includes('社区')).slice(0, VILLAGES_PER_TOWNSHIP)) {
      // The divisions name the village committee (俄尔古取村村民委员会); its office is the 村两委 (俄尔古取村两委).
      const vOrg = await orgs.createUnchecked(org, { name: `${v.name.replace(/村民委员会$/, '')}两委`, kind: '村两委', level: '村', regionCode: v.code });
      villages.push({ code: v.code, name: v.name, org: vOrg });
    }
    townships.push({ code, name: town.name, org, villages });
  }

  // Village profiles: the first village of each township a poor village (the first one ready to exit), the others not.
  for (const [t, town] of townships.entries()) {
    for (const [i, v] of town.villages.entries()) {
      const poor = i === 0 || t === 2;
      await registry.saveVillage(auth, v.code, {
        poorVillage: poor,
        identifiedYear: poor ? 2014 : null,
        exited: false,
        exitYear: null,
        certifiedPopulation: 1200 + 137 * (t * 3 + i),
        populationYear: 2019,
        specialtyIndustries: i === 0 ? ['马铃薯', '苦荞', '西门塔尔牛养殖'] : i === 1 ? ['花椒'] : [],
        infrastructureImproved: i !== 2,
        publicServicesImproved: i !== 2,
        version: null,
      });
      if (i === 0) await registry.saveVillageYear(auth, v.code, 2019, { collectiveIncome: 68000, plannedHouseholds: 2, plannedPersons: 8 });
    }
  }

  // The households with their members, entered at once as a village's roster (花名册) import would.
  type Planned = { villageCode: string; township: string; number: string; plan: Plan; head: string; size: number };
  const planned: Planned[] = [];
  const rows: RosterRow[] = [];
  let n = 0;
  for (const town of townships) {
    for (const [i, v] of town.villages.entries()) {
      for (const [k, plan] of VILLAGE_PLANS[i]!.entries()) {
        const surname = SURNAMES[n % SURNAMES.length]!;
        const head = `${surname}${MEN[(n * 5) % MEN.length]}`;
        const size = 2 + (n % 4);
        const number = String(k + 1).padStart(4, '0');
        const persons: PersonInput[] = [
          { name: head, idNumber: idNumber(`19${70 + (n % 15)}0${1 + (n % 9)}1${n % 10}`, true), relation: '户主', labour: '普通劳动力', workMonths: 8, workIncome: 9000, medicalInsured: true },
          { name: `${SURNAMES[(n + 3) % SURNAMES.length]}${WOMEN[n % WOMEN.length]}`, idNumber: idNumber(`19${72 + (n % 15)}0${1 + ((n + 4) % 9)}2${n % 10}`, false), relation: '配偶', labour: '普通劳动力', workMonths: 6, workIncome: 5000, medicalInsured: true },
        ];
        for (let c = 2; c < size; c++) {
          const male = (n + c) % 2 === 0;
          persons.push({
            name: `${surname}${CHILDREN[(n + c) % CHILDREN.length]}`,
            idNumber: idNumber(`20${String(8 + ((n + c) % 7)).padStart(2, '0')}0${1 + (c % 9)}0${1 + (n % 9)}`, male),
            relation: male ? '之子' : '之女',
            labour: '无劳动力',
            schooling: '在校',
            medicalInsured: true,
          });
        }
        persons.forEach((person, j) =>
          rows.push({
            row: rows.length + 3,
            villageCode: v.code,
            number,
            ...(j === 0
              ? {
                  attribute: plan === 'stable' || plan === 'exited' || n % 5 !== 0 ? '一般贫困户' : '低保贫困户',
                  identifiedYear: 2014 + (n % 3),
                  mainCause: CAUSES[n % CAUSES.length]!,
                  secondaryCauses: [],
                  housingSafe: plan !== 'poor',
                  drinkingWaterSafe: true,
                  foodClothingSecure: true,
                }
              : {}),
            person,
          }),
        );
        planned.push({ villageCode: v.code, township: town.code, number, plan, head, size });
        n++;
      }
    }
  }
  await services.roster.importRoster(auth, rows);
  const found = await registry.search(auth, { region: DEMO_COUNTY, page: 1, pageSize: 100 });
  const idOf = new Map(found.items.map((h) => [`${h.villageCode}:${h.number}`, h.id]));

  // The income of 2019 for every household (the latest year of the shipped national line: every household gets its
  // verdict), above the line for those that exit; then the status changes, dated as they would have been.
  const households: DemoHousehold[] = [];
  for (const p of planned) {
    const id = idOf.get(`${p.villageCode}:${p.number}`)!;
    const exited = p.plan === 'exited' || p.plan === 'stable' || p.plan === 'relapsed';
    let version = (await registry.saveIncome(auth, id, 2019, income(p.size, exited || p.plan === 'poorAbove', 2019))).version;
    const change = async (status: string, effectiveOn: string, reason: string, year?: number) => {
      version = (await registry.changeStatus(auth, id, { status, effectiveOn, reason, version, ...(year ? { year } : {}) })).version;
    };
    if (exited) await change('已脱贫', '2019-12-20', '2019 年度贫困户脱贫（演示数据）', 2019);
    if (p.plan === 'stable') await change('稳定脱贫', '2020-01-10', '家庭经济条件较好，标注为稳定脱贫户（演示数据）');
    if (p.plan === 'relapsed') await change('返贫', '2020-03-01', '因病返贫，尚未完全解决“两不愁、三保障”（演示数据）');
    if (p.plan === 'removed') await change('清退', '2019-06-15', '识别不精准，经核实家庭有商品房，予以清退（演示数据）');
    households.push({ id, villageCode: p.villageCode, township: p.township, plan: p.plan, head: p.head, size: p.size });
  }
  return { county, townships, department, assessmentOffice, prefecture, households };
}
