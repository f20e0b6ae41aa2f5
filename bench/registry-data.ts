/**
 * A deterministic roster for benchmarks: households spread over the real villages of one province, each with a
 * head and members whose ID numbers carry valid GB 11643 check characters. Same seed → same roster.
 */
import { checkCharacter } from '../src/domain/registry/id-number';
import { CAUSES } from '../src/domain/registry/causes';
import type { HouseholdInput, PersonInput } from '../src/domain/registry/validate-household';

/** Small fast PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['吉克', '阿说', '沙马', '曲比', '阿尔', '勒格', '马海', '俄木', '王', '李', '张', '刘', '陈', '杨'];
const GIVEN = ['阿呷', '阿果', '拉则', '伍各', '木呷', '日火', '国华', '建军', '秀英', '志强', '丽', '明'];

function idNumber(county: string, birth: string, seq: number, female: boolean): string {
  const s = seq % 500;
  const code = String(s * 2 + (female ? 0 : 1)).padStart(3, '0').slice(-3);
  const first17 = `${county}${birth.replace(/-/g, '')}${code}`;
  return first17 + checkCharacter(first17);
}

export interface GeneratedHousehold extends HouseholdInput {
  persons: PersonInput[];
}

/**
 * `households` households over `villages` (12-digit codes), about 3.2 persons each. ID numbers are unique: the
 * birth date and sequence are derived from a running counter.
 */
export function* generateRoster(villages: string[], households: number, seed = 20171231): Generator<GeneratedHousehold> {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const perCounty = new Map<string, number>();
  const nextPerson = (county: string, relation: string, ageYears: number, female: boolean, labour: string): PersonInput => {
    // Within a county every person gets a distinct (day of year, sequence) pair — unique ID numbers whatever the
    // birth year — for up to 182,500 persons per county.
    const k = perCounty.get(county) ?? 0;
    perCounty.set(county, k + 1);
    const day = k % 365;
    const date = new Date(Date.UTC(2019 - ageYears, 0, 1) + day * 86400000);
    const birth = date.toISOString().slice(0, 10);
    return {
      name: pick(SURNAMES) + pick(GIVEN),
      idNumber: idNumber(county, birth, Math.floor(k / 365), female),
      relation,
      schooling: ageYears < 6 ? '学龄前' : ageYears < 16 ? '在校' : '已毕业',
      health: random() < 0.1 ? '长期慢性病' : '健康',
      labour,
      workMonths: labour === '普通劳动力' ? 6 : 0,
      workIncome: labour === '普通劳动力' ? 6000 + Math.floor(random() * 12000) : 0,
      medicalInsured: true,
      pensionInsured: ageYears >= 16,
    };
  };
  for (let h = 0; h < households; h++) {
    const village = villages[h % villages.length]!;
    const county = village.slice(0, 6);
    const size = 2 + Math.floor(random() * 3) + (random() < 0.2 ? 1 : 0);
    const persons: PersonInput[] = [nextPerson(county, '户主', 30 + Math.floor(random() * 30), random() < 0.3, '普通劳动力')];
    if (size > 1) persons.push(nextPerson(county, '配偶', 28 + Math.floor(random() * 30), true, random() < 0.8 ? '普通劳动力' : '丧失劳动力'));
    for (let k = 2; k < size; k++) persons.push(nextPerson(county, random() < 0.5 ? '之子' : '之女', 1 + Math.floor(random() * 14), random() < 0.5, '无劳动力'));
    const main = pick(CAUSES);
    const secondary = CAUSES.filter((c) => c !== main && random() < 0.1).slice(0, 2);
    yield {
      villageCode: village,
      number: String(Math.floor(h / villages.length) + 1).padStart(4, '0'),
      attribute: random() < 0.75 ? '一般贫困户' : random() < 0.8 ? '低保贫困户' : '特困供养贫困户',
      identifiedYear: 2014 + Math.floor(random() * 3),
      mainCause: main,
      secondaryCauses: secondary,
      housingSafe: random() < 0.9,
      drinkingWaterSafe: random() < 0.95,
      foodSecure: true,
      clothingSecure: true,
      persons,
    };
  }
}
