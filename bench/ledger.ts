/**
 * Ledger benchmark (`npm run bench:ledger`; not a test): loads generated entries over a province-sized body tree and
 * measures the bulk load, the totals rebuild, the interactive write path and the latency of the totals (summary) for
 * the province, a city and a county.
 *
 *   npx tsx bench/ledger.ts [--backend=pglite|postgres|both] [--entries=1000000] [--pglite-entries=N]
 *                           [--interactive=500] [--runs=30] [--batch=5000] [--no-write] [--keep]
 *
 * PostgreSQL is used when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set: the database `taizhang_bench` on that
 * server is dropped and created afresh. PGlite always runs in a fresh data directory under bench/.work/.
 * See bench/README.md.
 */
import type { OrgKind } from '../src/domain/shared/orgs';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CODEBOOK, type Category, type SubType } from '../src/domain/ledger/codebook';
import { proposeDeepPoverty } from '../src/domain/ledger/deep-poverty';
import { formatWanYuan } from '../src/domain/ledger/money';
import { targetKey, type Target } from '../src/domain/ledger/target-key';
import type { RawEntry } from '../src/domain/ledger/validate-entry';
import { systemAuth, type Auth } from '../src/server/auth/access';
import { bootstrap } from '../src/server/bootstrap';
import { openDatabase, type Database } from '../src/server/db/connection';
import { makeLedgerRepo, type EntryWrite } from '../src/server/ledger/repo';
import type { OrgRow } from '../src/server/orgs/repo';
import { buildServices, type Services } from '../src/server/services';

const BENCH_DIR = import.meta.dirname;
const WORK_DIR = path.join(BENCH_DIR, '.work');
const RESULTS_JSON = path.join(BENCH_DIR, 'ledger-results.json');
const RESULTS_MD = path.join(BENCH_DIR, 'RESULTS.md');
const BENCH_DB = 'taizhang_bench';
const TARGET_MS = 200;
const YEARS = [2016, 2017, 2018, 2019, 2020] as const;

// ---------------------------------------------------------------------------------------------------------------
// Options

type Backend = 'pglite' | 'postgres';

interface Options {
  backends: Backend[];
  entries: number;
  pgliteEntries: number;
  interactive: number;
  runs: number;
  warmup: number;
  batch: number;
  write: boolean;
  keep: boolean;
  reportOnly: boolean;
  url: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument: ${arg}`);
    flags.set(m[1]!, m[2] ?? 'true');
  }
  const known = ['backend', 'entries', 'pglite-entries', 'interactive', 'runs', 'batch', 'no-write', 'keep', 'report-only'];
  for (const k of flags.keys()) if (!known.includes(k)) throw new Error(`unknown option --${k} (known: ${known.map((x) => `--${x}`).join(' ')})`);
  const int = (name: string, dflt: number) => {
    const v = flags.get(name);
    if (v === undefined) return dflt;
    const n = Number(v.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
    return n;
  };
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
  const backend = flags.get('backend') ?? (url ? 'both' : 'pglite');
  let backends: Backend[];
  if (backend === 'both') backends = url ? ['postgres', 'pglite'] : ['pglite'];
  else if (backend === 'pglite' || backend === 'postgres') backends = [backend];
  else throw new Error('--backend must be pglite, postgres or both');
  if (backends.includes('postgres') && !url) throw new Error('--backend=postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
  if (backend === 'both' && !url) console.warn('bench: no BENCH_DATABASE_URL / TEST_DATABASE_URL: PGlite only');
  const entries = int('entries', 1_000_000);
  return {
    backends,
    entries,
    pgliteEntries: int('pglite-entries', entries),
    interactive: int('interactive', 500),
    runs: Math.max(1, int('runs', 30)),
    warmup: 3,
    batch: Math.max(1, int('batch', 5000)),
    write: !flags.has('no-write'),
    keep: flags.has('keep'),
    reportOnly: flags.has('report-only'),
    url,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** Deterministic PRNG (mulberry32): the same data set on every run and backend. */
function makeRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  /** A log-uniform integer in [lo, hi]: most amounts small, a few large. */
  const logInt = (lo: number, hi: number) => Math.round(Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo))));
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  };
  return { next, int, pick, chance, logInt, weighted };
}
type Rng = ReturnType<typeof makeRng>;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtMs = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const fmtSec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function log(backend: string, message: string) {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[${t}] ${backend.padEnd(8)} ${message}`);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

// ---------------------------------------------------------------------------------------------------------------
// Body tree, members and regions

interface Region {
  code: string;
  name: string;
}

interface Body {
  org: OrgRow;
  tier: 'province' | 'city' | 'county' | 'group';
  county: Region | null;
  city: Region | null;
  /** Villages (level 5) and towns (level 4) an entry of this body mostly targets. */
  villages: Region[];
  towns: Region[];
  /** Serving members an entry of this body may name (its own, its ancestors', or for the province and cities any below). */
  members: number[];
  /** A short place name for free-text targets. */
  place: string;
}

interface World {
  root: OrgRow;
  auth: Auth;
  bodies: Body[];
  byTier: Record<Body['tier'], Body[]>;
  deep: ReadonlySet<string>;
  memberCount: number;
  unableCount: number;
  cityBody: Body;
  countyBody: Body;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫孔向汤阿吉沙';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯俊峰琳德成林海春燕荣清云飞';
const SECTORS = ['中共', '民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '无党派人士', '共青团', '工会', '妇联', '工商联', '经济界', '农业界', '教育界', '科技界', '医药卫生界', '文化艺术界', '少数民族界', '宗教界', '社会福利和社会保障界'];
const SKILLS = ['种植技术', '畜牧养殖', '电子商务', '医疗卫生', '职业教育', '金融服务', '工程建设', '法律咨询', '文化旅游', '农产品加工', ''];
const PLACES_TEXT = ['中心小学', '卫生院', '农民专业合作社', '易地扶贫搬迁安置点', '现代农业产业园', '敬老院', '初级中学', '职业技术学校', '农贸市场', '茶叶基地', '核桃基地', '花椒基地', '生猪养殖场', '扶贫车间', '幼儿园', '文化站', '光伏电站', '蔬菜大棚基地'];

function personName(rng: Rng): string {
  const given = rng.chance(0.6) ? rng.pick([...GIVEN]) + rng.pick([...GIVEN]) : rng.pick([...GIVEN]);
  return rng.pick([...SURNAMES]) + given;
}

async function buildWorld(database: Database, services: Services, rng: Rng, say: (m: string) => void): Promise<World> {
  const root = await services.orgs.root();
  if (!root) throw new Error('no root body after bootstrap');
  const [admin] = await database.query<{ id: number }>(`select id from users where username = 'admin'`);
  if (!admin) throw new Error('no admin user after bootstrap');
  const auth = systemAuth(root, { userId: admin.id });
  const deep = await services.regions.deepCounties();

  const regionRows = await database.query<{ code: string; name: string; level: number; parent_code: string | null }>(
    `select code, name, level, parent_code from regions where code like '51%' and level between 2 and 5 order by code`,
  );
  const cities = regionRows.filter((r) => r.level === 2 && r.parent_code === '510000000000');
  const counties = regionRows.filter((r) => r.level === 3);
  const villagesByCounty = new Map<string, Region[]>();
  const townsByCounty = new Map<string, Region[]>();
  for (const r of regionRows) {
    if (r.level !== 4 && r.level !== 5) continue;
    const map = r.level === 5 ? villagesByCounty : townsByCounty;
    const key = r.code.slice(0, 6);
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push({ code: r.code, name: r.name });
  }
  const allVillages = [...villagesByCounty.values()].flat();
  const allTowns = [...townsByCounty.values()].flat();
  if (allVillages.length === 0) throw new Error('no villages of Sichuan in the regions table');
  say(`regions: ${cities.length} cities, ${counties.length} counties, ${allTowns.length} towns, ${allVillages.length} villages of Sichuan`);

  const bodies: Body[] = [];
  const province: Body = { org: root, tier: 'province', county: null, city: null, villages: allVillages, towns: allTowns, members: [], place: '四川省' };
  bodies.push(province);
  const t0 = performance.now();
  const countyBodies: Body[] = [];
  const cityBodies: Body[] = [];
  for (const c of cities) {
    const cityOrg = await services.orgs.createUnchecked(root, { name: `${c.name}政协`, kind: '政协', level: '市', regionCode: c.code });
    const cityCounties = counties.filter((k) => k.parent_code === c.code);
    const cityVillages = cityCounties.flatMap((k) => villagesByCounty.get(k.code.slice(0, 6)) ?? []);
    const cityTowns = cityCounties.flatMap((k) => townsByCounty.get(k.code.slice(0, 6)) ?? []);
    const city: Body = {
      org: cityOrg,
      tier: 'city',
      county: null,
      city: c,
      villages: cityVillages.length ? cityVillages : allVillages,
      towns: cityTowns.length ? cityTowns : allTowns,
      members: [],
      place: c.name,
    };
    bodies.push(city);
    cityBodies.push(city);
    for (const k of cityCounties) {
      const countyOrg = await services.orgs.createUnchecked(cityOrg, { name: `${k.name}政协`, kind: '政协', level: '县', regionCode: k.code });
      const villages = villagesByCounty.get(k.code.slice(0, 6)) ?? [];
      const towns = townsByCounty.get(k.code.slice(0, 6)) ?? [];
      const base = { county: k, city: c, villages: villages.length ? villages : city.villages, towns: towns.length ? towns : city.towns, members: [], place: k.name };
      const county: Body = { ...base, org: countyOrg, tier: 'county' };
      bodies.push(county);
      countyBodies.push(county);
      const groups: Array<[string, OrgKind]> = [
        [`${k.name}政协第一委员组`, '委员组'],
        [`${k.name}政协第二委员组`, '委员组'],
        [`${k.name}经促分会`, '经促分会'],
        [`${k.name}工商联`, '工商联'],
      ];
      for (const [name, kind] of groups) {
        const org = await services.orgs.createUnchecked(countyOrg, { name, kind, level: '县', regionCode: k.code });
        bodies.push({ ...base, members: [], org, tier: 'group' });
      }
    }
  }
  say(`bodies: ${bodies.length} (1 province, ${cityBodies.length} cities, ${countyBodies.length} counties, ${bodies.length - 1 - cityBodies.length - countyBodies.length} groups) in ${fmtSec(performance.now() - t0)}`);

  // Members: 30 per county body, 10 per city body, 20 for the province; about 3% marked unable to serve.
  const t1 = performance.now();
  let memberCount = 0;
  let unableCount = 0;
  const serving = new Map<number, number[]>(); // org id → serving member ids
  const addMembers = async (body: Body, n: number) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const unable = rng.chance(0.03);
      const m = await services.members.create(auth, body.org.id, {
        name: personName(rng),
        sector: rng.pick(SECTORS),
        phone: `13${rng.int(100000000, 999999999)}`,
        skills: rng.pick(SKILLS),
        ...(unable ? { status: 'unable' as const, unableReason: '长期病休', unableFrom: `${rng.pick([2018, 2019, 2020])}-07-01` } : {}),
      });
      memberCount++;
      if (unable) unableCount++;
      else ids.push(m.id);
    }
    serving.set(body.org.id, ids);
  };
  await addMembers(province, 20);
  for (const b of cityBodies) await addMembers(b, 10);
  for (const b of countyBodies) await addMembers(b, 30);
  // Who an entry may name: members of the entry's body, its ancestors or its descendants (members.requireServing).
  for (const b of bodies) {
    const own = serving.get(b.org.id) ?? [];
    if (b.tier === 'province') b.members = [...serving.values()].flat();
    else if (b.tier === 'city') b.members = bodies.filter((x) => x.org.path.startsWith(b.org.path) && x.tier !== 'group').flatMap((x) => serving.get(x.org.id) ?? []);
    else if (b.tier === 'county') b.members = own;
    else b.members = serving.get(b.org.parentId ?? -1) ?? [];
  }
  say(`members: ${memberCount} (${unableCount} marked unable to serve) in ${fmtSec(performance.now() - t1)}`);

  const cityBody = cityBodies.find((b) => b.city?.code === '513400000000') ?? cityBodies[0]!;
  const countyBody = countyBodies.find((b) => b.county?.code === '513431000000') ?? countyBodies[0]!;
  return {
    root,
    auth,
    bodies,
    byTier: {
      province: [province],
      city: cityBodies,
      county: countyBodies,
      group: bodies.filter((b) => b.tier === 'group'),
    },
    deep,
    memberCount,
    unableCount,
    cityBody,
    countyBody,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Entry generator

/** An entry to write: the repository's row and the members it names. */
interface GenEntry {
  write: EntryWrite;
  memberIds: number[];
  body: Body;
  target: Target;
}

const CATEGORY_WEIGHTS: Record<string, number> = { '01': 10, '02': 18, '03': 12, '04': 15, '05': 12, '06': 8, '07': 15, '08': 10 };
const SUBTYPES: Array<readonly [SubType & { category: Category }, number]> = CODEBOOK.flatMap((c) =>
  c.subtypes.map((s) => [{ ...s, category: c }, (CATEGORY_WEIGHTS[c.code] ?? 10) / c.subtypes.length] as const),
);
const YEAR_WEIGHTS = YEARS.map((y, i) => [y, [12, 17, 21, 24, 26][i]!] as const);
const TIER_WEIGHTS = [
  ['province', 2],
  ['city', 8],
  ['county', 25],
  ['group', 65],
] as const;

const CONTENT: Record<string, string[]> = {
  '01': ['组织委员围绕{t}脱贫攻坚开展{s}，形成意见建议{n}条', '就{t}产业扶贫问题开展{s}并报送党委政府', '围绕{t}易地扶贫搬迁后续扶持开展{s}'],
  '02': ['为{t}提供种苗{n}千株并开展{s}技术指导', '在{t}引进{s}项目，带动贫困户增收', '帮助{t}建设{s}示范基地{n}个'],
  '03': ['出资帮助{t}修建{s}设施', '协调资金完善{t}{s}基础设施，惠及群众{n}百人', '为{t}实施{s}改造工程'],
  '04': ['帮助{t}开展{s}，解决贫困群众实际困难', '为{t}贫困户提供{s}帮扶{n}次', '协调推进{t}{s}项目'],
  '05': ['在{t}开展{s}{n}期，培训贫困群众', '向{t}学生提供{s}资助', '为{t}学校开展{s}帮扶'],
  '06': ['组织医疗专家到{t}开展{s}{n}次', '向{t}捐赠药品和医疗器械', '帮助{t}改善{s}条件'],
  '07': ['按文件明确结对帮扶{t}，开展入户走访{n}次', '结对帮扶{t}，落实帮扶措施', '联系帮扶{t}，协助制定脱贫计划'],
  '08': ['到{t}开展送智送志宣讲活动{n}场', '联系帮扶{t}，捐赠生产生活物资', '在{t}开展{s}帮扶活动'],
};
const DOC_PREFIXES = ['川委办', '川府办', '川组通', '川统发', '川扶贫发', '州委办', '市委办', '县委办'];

function makeGenerator(world: World, rng: Rng) {
  /** Seed 000: one deed once — the years covered by body × sub-type × target, as a bit mask. */
  const taken = new Map<string, number>();
  let textSerial = 0;
  const yearMask = (start: number, end: number | null) => {
    let m = 0;
    for (let y = start; y <= (end ?? start); y++) m |= 1 << (y - 2010);
    return m;
  };
  const claim = (key: string, mask: number) => {
    const used = taken.get(key) ?? 0;
    if (used & mask) return false;
    taken.set(key, used | mask);
    return true;
  };

  function textTarget(body: Body, kind: 'household' | 'place'): Target {
    if (kind === 'household') {
      const v = rng.pick(body.villages);
      return { kind: 'text', text: `${v.name}${personName(rng)}户` };
    }
    const n = rng.chance(0.5) ? `第${rng.int(1, 9)}` : '';
    return { kind: 'text', text: `${body.place}${n}${rng.pick(PLACES_TEXT)}` };
  }

  function pickTarget(body: Body, sub: SubType): Target {
    if (sub.code === '0701') return { kind: 'region', regionCode: rng.pick(body.villages).code };
    if (sub.code === '0702') return rng.chance(0.85) ? textTarget(body, 'household') : { kind: 'region', regionCode: rng.pick(body.villages).code };
    const r = rng.next();
    if (r < 0.75) return { kind: 'region', regionCode: rng.pick(body.villages).code };
    if (r < 0.8 && body.towns.length) return { kind: 'region', regionCode: rng.pick(body.towns).code };
    return textTarget(body, 'place');
  }

  const regionNames = new Map<string, string>();
  for (const b of world.bodies) for (const r of [...b.villages, ...b.towns]) regionNames.set(r.code, r.name);

  function funds(categoryCode: string): [number, number, number, number, number] {
    const scale = categoryCode === '01' ? 0.15 : 1; // 政协履职 seldom moves money
    const f = (p: number, lo: number, hi: number) => (rng.chance(p * scale) ? rng.logInt(lo, hi) : 0);
    return [f(0.4, 100, 50_000), f(0.2, 1_000, 200_000), f(0.3, 5_000, 2_000_000), f(0.1, 50_000, 5_000_000), f(0.15, 10_000, 3_000_000)];
  }

  return function generate(): GenEntry {
    const tier = rng.weighted(TIER_WEIGHTS);
    const body = rng.pick(world.byTier[tier]);
    const sub = rng.weighted(SUBTYPES);
    const startYear = rng.weighted(YEAR_WEIGHTS);
    const endYear = rng.chance(0.3) ? startYear + rng.weighted([[1, 3], [2, 1]] as const) : null;
    const mask = yearMask(startYear, endYear);
    let target = pickTarget(body, sub);
    let key = targetKey(target);
    for (let attempt = 0; !claim(`${body.org.id}|${sub.code}|${key}`, mask); attempt++) {
      if (attempt < 5) target = pickTarget(body, sub);
      else if (sub.code === '0701') {
        // Every village of this body is paired in these years already: take one from the whole province.
        target = { kind: 'region', regionCode: rng.pick(world.byTier.province[0]!.villages).code };
      } else target = { kind: 'text', text: `${body.place}帮扶点${++textSerial}号` };
      key = targetKey(target);
    }
    const regionCode = target.kind === 'region' ? target.regionCode : null;
    const label = target.kind === 'region' ? (regionNames.get(target.regionCode) ?? target.regionCode) : target.text;
    const deepPoverty =
      target.kind === 'region' ? proposeDeepPoverty(regionCode, world.deep) : !!body.county && world.deep.has(body.county.code.slice(0, 6)) && rng.chance(0.6);
    const [fundDonation, fundPersonal, fundSocial, fundBank, fundFiscal] = funds(sub.category.code);
    const content = rng
      .pick(CONTENT[sub.category.code] ?? ['帮扶{t}'])
      .replace('{t}', label)
      .replace('{s}', sub.name === '其他' ? '帮扶' : sub.name)
      .replace('{n}', String(rng.int(1, 20)));
    const memberIds: number[] = [];
    if (body.members.length && rng.chance(0.4)) {
      const n = Math.min(body.members.length, rng.weighted([[1, 6], [2, 3], [3, 1]] as const));
      while (memberIds.length < n) {
        const m = rng.pick(body.members);
        if (!memberIds.includes(m)) memberIds.push(m);
      }
    }
    const write: EntryWrite = {
      orgId: body.org.id,
      orgPath: body.org.path,
      categoryCode: sub.category.code,
      subtypeCode: sub.code,
      unit: sub.unit,
      count: sub.unit === '件' && rng.chance(0.15) ? rng.int(2, 5) : 1,
      targetRegionCode: regionCode,
      targetText: target.kind === 'text' ? target.text : null,
      targetKey: key,
      content,
      fundDonation,
      fundPersonal,
      fundSocial,
      fundBank,
      fundFiscal,
      beneficiaries: rng.chance(0.85) ? rng.logInt(1, 3000) : 0,
      deepPoverty,
      startYear,
      endYear,
      documentNumber: sub.needsDocumentNumber ? `${rng.pick(DOC_PREFIXES)}〔${startYear}〕${rng.int(1, 300)}号` : null,
      createdBy: world.auth.userId,
    };
    return { write, memberIds, body, target };
  };
}

/** The same entry as the API receives it (funds in 万元 strings; the deep-poverty flag left to the service). */
function toRaw(g: GenEntry): RawEntry {
  const w = g.write;
  return {
    orgId: w.orgId,
    memberIds: g.memberIds,
    subtypeCode: w.subtypeCode,
    count: w.count,
    target: g.target,
    content: w.content,
    funds: {
      donation: formatWanYuan(w.fundDonation),
      personal: formatWanYuan(w.fundPersonal),
      social: formatWanYuan(w.fundSocial),
      bank: formatWanYuan(w.fundBank),
      fiscal: formatWanYuan(w.fundFiscal),
    },
    beneficiaries: w.beneficiaries,
    deepPoverty: null,
    startYear: w.startYear,
    endYear: w.endYear,
    documentNumber: w.documentNumber,
    notOfficialDuty: true,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// One backend

interface Latency {
  name: string;
  orgName: string;
  years: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  minMs: number;
}

interface BackendResult {
  backend: Backend;
  date: string;
  version: string;
  location: string;
  entries: number;
  bodies: number;
  members: number;
  entryMemberLinks: number;
  totalsRows: number;
  memberTotalsRows: number;
  load: {
    seconds: number;
    entriesPerSecond: number;
    bulkInsertSeconds: number;
    bulkInsertEntriesPerSecond: number;
    memberLinkSeconds: number;
    generateSeconds: number;
    batchSize: number;
  };
  rebuildTotalsSeconds: number;
  analyzeSeconds: number;
  interactive: { entries: number; seconds: number; entriesPerSecond: number; medianMs: number; p95Ms: number; failures: number };
  latencies: Latency[];
  /** PGlite has no autovacuum: what an embedded install sees until something runs ANALYZE. */
  latenciesBeforeAnalyze?: Latency[];
  /** The province summary split into its two queries (median of the runs). */
  provinceBreakdown: { figuresMs: number; participationMs: number; orgLookupMs: number };
  check: { provinceEntries: number; expectedEntries: number; participation: { members: number; active: number } };
  sizes?: { ledgerEntries: string; ledgerTotals: string; database: string };
}

async function openBackend(backend: Backend, opts: Options, say: (m: string) => void): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (backend === 'postgres') {
    const url = opts.url!;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
      await admin.query(`create database ${BENCH_DB}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ url: withDatabase(url, BENCH_DB) });
    say(`database ${database.location}`);
    return {
      database,
      cleanup: async () => {
        await database.close();
        if (opts.keep) return;
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${BENCH_DB} with (force)`);
        await c.end();
      },
    };
  }
  mkdirSync(WORK_DIR, { recursive: true });
  const dir = path.join(WORK_DIR, `pglite-${Date.now()}`);
  rmSync(dir, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: dir });
  say(`data directory ${path.relative(process.cwd(), dir)}`);
  return {
    database,
    cleanup: async () => {
      await database.close();
      if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function measure(runs: number, warmup: number, fn: () => Promise<unknown>): Promise<{ samples: number[]; medianMs: number; p95Ms: number; maxMs: number; minMs: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted[sorted.length - 1]!, minMs: sorted[0]! };
}

async function measureSummaries(services: Services, world: World, opts: Options, say: (m: string) => void): Promise<Latency[]> {
  const cases = [
    { name: 'province', body: world.byTier.province[0]!, yearFrom: 2016, yearTo: 2020 },
    { name: 'city', body: world.cityBody, yearFrom: 2016, yearTo: 2020 },
    { name: 'county', body: world.countyBody, yearFrom: 2016, yearTo: 2020 },
    { name: 'province, one year', body: world.byTier.province[0]!, yearFrom: 2019, yearTo: 2019 },
  ];
  const out: Latency[] = [];
  for (const c of cases) {
    const m = await measure(opts.runs, opts.warmup, () => services.ledger.summary(world.auth, { orgId: c.body.org.id, yearFrom: c.yearFrom, yearTo: c.yearTo }));
    const years = c.yearFrom === c.yearTo ? `${c.yearFrom}` : `${c.yearFrom}–${c.yearTo}`;
    out.push({ name: c.name, orgName: c.body.org.name, years, runs: opts.runs, medianMs: round(m.medianMs, 2), p95Ms: round(m.p95Ms, 2), maxMs: round(m.maxMs, 2), minMs: round(m.minMs, 2) });
    say(`summary ${c.name.padEnd(18)} ${c.body.org.name} ${years}: median ${fmtMs(m.medianMs)} ms, p95 ${fmtMs(m.p95Ms)} ms, max ${fmtMs(m.maxMs)} ms`);
  }
  return out;
}

/** The SQL of `figures` and `participation` in repo.ts, for EXPLAIN ANALYZE (kept in step with the repository by hand). */
function explainQueries(orgId: number, yearFrom: number, yearTo: number, onDate: string): Array<{ name: string; text: string; params: unknown[] }> {
  return [
    {
      name: 'figures',
      text: `select subtype_code, deep_poverty, sum(entries)::bigint, sum(villages)::bigint, sum(households)::bigint,
               sum(fund_donation)::bigint, sum(fund_personal)::bigint, sum(fund_social)::bigint, sum(fund_bank)::bigint,
               sum(fund_fiscal)::bigint, sum(beneficiaries)::bigint
             from ledger_totals where org_id = $1 and year between $2 and $3 group by subtype_code, deep_poverty`,
      params: [orgId, yearFrom, yearTo],
    },
    {
      name: 'participation',
      text: `select (select coalesce(sum(c.members), 0) from ledger_member_counts c
                     where c.org_id = $1 and c.serving_until > $4::date)::int as members,
                    (select coalesce(sum(p.members), 0) from ledger_participation p
                     where p.org_id = $1 and p.year between $2 and $3 and p.prev_year < $2 and p.serving_until > $4::date)::int as active`,
      params: [orgId, yearFrom, yearTo, onDate],
    },
  ];
}

/** EXPLAIN ANALYZE of the province queries, to bench/.work/explain-<backend>[-<stage>].txt. */
async function explain(database: Database, world: World, backend: Backend, stage: string, say: (m: string) => void): Promise<void> {
  const lines: string[] = [];
  for (const q of explainQueries(world.root.id, 2016, 2020, '2020-12-31')) {
    const rows = await database.query<Record<string, string>>(`explain (analyze, buffers) ${q.text}`, q.params);
    lines.push(`-- ${backend}${stage ? ` ${stage}` : ''}: ${q.name} (province, 2016–2020)`, ...rows.map((r) => Object.values(r)[0] ?? ''), '');
  }
  mkdirSync(WORK_DIR, { recursive: true });
  const file = path.join(WORK_DIR, `explain-${backend}${stage ? `-${stage}` : ''}.txt`);
  writeFileSync(file, lines.join('\n'));
  say(`EXPLAIN ANALYZE of the province queries${stage ? ` (${stage})` : ''} written to ${path.relative(process.cwd(), file)}`);
}

async function runBackend(backend: Backend, opts: Options): Promise<BackendResult> {
  const say = (m: string) => log(backend, m);
  const entriesWanted = backend === 'pglite' ? opts.pgliteEntries : opts.entries;
  const { database, cleanup } = await openBackend(backend, opts, say);
  try {
    const services = buildServices(database);
    const tb = performance.now();
    await bootstrap(database, services, { provinces: ['51'], adminPassword: 'bench', demo: false, log: (m) => say(m) });
    say(`bootstrap (migrations, Sichuan divisions) in ${fmtSec(performance.now() - tb)}`);
    const [ver] = await database.query<{ v: string }>(`select current_setting('server_version') as v`);
    const version = backend === 'pglite' ? `PGlite ${pgliteVersion()} (PostgreSQL ${ver?.v ?? '?'})` : `PostgreSQL ${ver?.v ?? '?'}`;
    say(version);

    const rng = makeRng(20200630);
    const world = await buildWorld(database, services, rng, say);
    const generate = makeGenerator(world, rng);
    const repo = makeLedgerRepo(database.db);

    // --- Bulk load -------------------------------------------------------------------------------------------
    say(`loading ${fmtInt(entriesWanted)} entries in batches of ${fmtInt(opts.batch)} (repo.bulkInsert)`);
    let genMs = 0;
    let insertMs = 0;
    let linkMs = 0;
    let links = 0;
    let done = 0;
    let lastId = Number((await database.query<{ m: number }>(`select coalesce(max(id), 0)::int as m from ledger_entries`))[0]?.m ?? 0);
    const loadStart = performance.now();
    let lastReport = 0;
    let lastReportAt = loadStart;
    while (done < entriesWanted) {
      const n = Math.min(opts.batch, entriesWanted - done);
      const tg = performance.now();
      const batch: GenEntry[] = [];
      for (let i = 0; i < n; i++) batch.push(generate());
      const ti = performance.now();
      genMs += ti - tg;
      await repo.bulkInsert(batch.map((g) => g.write));
      const tl = performance.now();
      insertMs += tl - ti;
      // The serial ids of this batch, in insertion order; checked against what was written before linking members.
      const back = await database.query<{ id: number; org_id: number; target_key: string }>(
        `select id, org_id, target_key from ledger_entries where id > $1 order by id`,
        [lastId],
      );
      if (back.length !== n) throw new Error(`read back ${back.length} ids after a batch of ${n}`);
      const entryIds: number[] = [];
      const memberIds: number[] = [];
      back.forEach((row, i) => {
        const g = batch[i]!;
        if (row.org_id !== g.write.orgId || row.target_key !== g.write.targetKey) throw new Error(`id read-back out of order at entry ${row.id}`);
        for (const m of g.memberIds) {
          entryIds.push(row.id);
          memberIds.push(m);
        }
      });
      lastId = back[back.length - 1]!.id;
      if (entryIds.length) {
        await database.query(`insert into ledger_entry_members (entry_id, member_id) select * from unnest($1::int[], $2::int[])`, [entryIds, memberIds]);
        links += entryIds.length;
      }
      linkMs += performance.now() - tl;
      done += n;
      if (done - lastReport >= 50_000 || done === entriesWanted) {
        const now = performance.now();
        const rate = (done - lastReport) / ((now - lastReportAt) / 1000);
        const overall = done / ((now - loadStart) / 1000);
        say(`  ${fmtInt(done).padStart(9)} / ${fmtInt(entriesWanted)}  ${fmtInt(rate)} entries/s now, ${fmtInt(overall)} entries/s overall (incl. generation)`);
        lastReport = done;
        lastReportAt = now;
      }
    }
    const loadMs = insertMs + linkMs;
    say(`loaded ${fmtInt(done)} entries and ${fmtInt(links)} member links: DB time ${fmtSec(loadMs)} (${fmtInt(done / (loadMs / 1000))} entries/s); bulkInsert alone ${fmtSec(insertMs)} (${fmtInt(done / (insertMs / 1000))} entries/s); generation ${fmtSec(genMs)}`);

    // --- Totals rebuild ----------------------------------------------------------------------------------------
    const tr = performance.now();
    await repo.rebuildTotals();
    const rebuildMs = performance.now() - tr;
    const [counts] = await database.query<{ totals: number; members: number }>(
      `select (select count(*) from ledger_totals)::int as totals, (select count(*) from member_year_totals)::int as members`,
    );
    say(`rebuildTotals in ${fmtSec(rebuildMs)} → ${fmtInt(counts?.totals ?? 0)} ledger_totals rows, ${fmtInt(counts?.members ?? 0)} member_year_totals rows`);

    let latenciesBeforeAnalyze: Latency[] | undefined;
    if (backend === 'pglite') {
      say('totals latency before ANALYZE (PGlite has no autovacuum)');
      latenciesBeforeAnalyze = await measureSummaries(services, world, { ...opts, runs: Math.min(opts.runs, 10) }, say);
      await explain(database, world, backend, 'before-analyze', say);
    }
    const ta = performance.now();
    await database.query('analyze');
    const analyzeMs = performance.now() - ta;
    say(`ANALYZE in ${fmtSec(analyzeMs)}`);

    // --- Interactive write path --------------------------------------------------------------------------------
    const interactiveSamples: number[] = [];
    let failures = 0;
    const ti = performance.now();
    for (let i = 0; i < opts.interactive; i++) {
      const g = generate();
      const t = performance.now();
      try {
        await services.ledger.create(world.auth, toRaw(g));
      } catch (err) {
        failures++;
        if (failures <= 3) say(`interactive create failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      interactiveSamples.push(performance.now() - t);
    }
    const interactiveMs = performance.now() - ti;
    const isorted = [...interactiveSamples].sort((a, b) => a - b);
    const interactive = {
      entries: opts.interactive,
      seconds: round(interactiveMs / 1000, 2),
      entriesPerSecond: round(opts.interactive / (interactiveMs / 1000), 1),
      medianMs: round(percentile(isorted, 50), 2),
      p95Ms: round(percentile(isorted, 95), 2),
      failures,
    };
    say(`interactive: ${opts.interactive} × services.ledger.create in ${fmtSec(interactiveMs)} → ${interactive.entriesPerSecond} entries/s (median ${fmtMs(interactive.medianMs)} ms, p95 ${fmtMs(interactive.p95Ms)} ms), ${failures} failed`);

    // --- Totals latency ----------------------------------------------------------------------------------------
    const latencies = await measureSummaries(services, world, opts, say);
    const figures = await measure(opts.runs, opts.warmup, () => repo.figures(world.root.id, 2016, 2020));
    const participation = await measure(opts.runs, opts.warmup, () => repo.participation(world.root.id, 2016, 2020, '2020-12-31'));
    const orgLookup = await measure(opts.runs, opts.warmup, () => services.orgs.get(world.auth, world.root.id));
    const provinceBreakdown = { figuresMs: round(figures.medianMs, 2), participationMs: round(participation.medianMs, 2), orgLookupMs: round(orgLookup.medianMs, 2) };
    say(`province breakdown (median): figures ${fmtMs(figures.medianMs)} ms, participation ${fmtMs(participation.medianMs)} ms, body lookup ${fmtMs(orgLookup.medianMs)} ms`);
    await explain(database, world, backend, '', say);

    // --- Sanity check: the maintained totals count every entry ---------------------------------------------------
    const summary = await services.ledger.summary(world.auth, { orgId: world.root.id, yearFrom: 2016, yearTo: 2020 });
    const expected = done + opts.interactive - failures;
    if (summary.all.total.entries !== expected) throw new Error(`province summary counts ${summary.all.total.entries} entries, expected ${expected}`);
    say(`check: province summary counts ${fmtInt(summary.all.total.entries)} entries; participation ${summary.participation.active}/${summary.participation.members}`);

    let sizes: BackendResult['sizes'];
    if (backend === 'postgres') {
      const [s] = await database.query<{ e: string; t: string; d: string }>(
        `select pg_size_pretty(pg_total_relation_size('ledger_entries')) as e, pg_size_pretty(pg_total_relation_size('ledger_totals')) as t,
                pg_size_pretty(pg_database_size(current_database())) as d`,
      );
      if (s) sizes = { ledgerEntries: s.e, ledgerTotals: s.t, database: s.d };
    }

    return {
      backend,
      date: new Date().toISOString(),
      version,
      location: database.location.replace(process.cwd() + path.sep, ''),
      entries: done,
      bodies: world.bodies.length,
      members: world.memberCount,
      entryMemberLinks: links,
      totalsRows: counts?.totals ?? 0,
      memberTotalsRows: counts?.members ?? 0,
      load: {
        seconds: round(loadMs / 1000, 2),
        entriesPerSecond: Math.round(done / (loadMs / 1000)),
        bulkInsertSeconds: round(insertMs / 1000, 2),
        bulkInsertEntriesPerSecond: Math.round(done / (insertMs / 1000)),
        memberLinkSeconds: round(linkMs / 1000, 2),
        generateSeconds: round(genMs / 1000, 2),
        batchSize: opts.batch,
      },
      rebuildTotalsSeconds: round(rebuildMs / 1000, 2),
      analyzeSeconds: round(analyzeMs / 1000, 2),
      interactive,
      latencies,
      latenciesBeforeAnalyze,
      provinceBreakdown,
      check: { provinceEntries: summary.all.total.entries, expectedEntries: expected, participation: { members: summary.participation.members, active: summary.participation.active } },
      sizes,
    };
  } finally {
    await cleanup();
  }
}

function pgliteVersion(): string {
  try {
    const file = path.join(BENCH_DIR, '..', 'node_modules', '@electric-sql', 'pglite', 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Results

interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

interface ResultsFile {
  benchmark: 'ledger';
  command: string;
  targetProvinceMs: number;
  runs: Partial<Record<Backend, BackendResult & { machine: Machine; options: { interactive: number; runs: number; batch: number } }>>;
}

function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? '?',
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function readResults(): ResultsFile {
  if (existsSync(RESULTS_JSON)) {
    try {
      const parsed = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as ResultsFile;
      if (parsed.benchmark === 'ledger' && parsed.runs) return parsed;
    } catch {
      // rewritten below
    }
  }
  return { benchmark: 'ledger', command: 'npm run bench:ledger', targetProvinceMs: TARGET_MS, runs: {} };
}

function markdown(file: ResultsFile): string {
  const runs = (['postgres', 'pglite'] as const).map((b) => file.runs[b]).filter((r): r is NonNullable<typeof r> => !!r);
  const out: string[] = ['## Ledger (`npm run bench:ledger`)', ''];
  out.push(
    'Generated entries over the Sichuan body tree (四川省政协 → 21 city bodies → 183 county bodies → 4 groups each), ' +
      'years 2016–2020, all 35 sub-types, ~30% cross-year, ~40% naming 1–3 members. Loaded with `repo.bulkInsert` in ' +
      'batches, then `repo.rebuildTotals()`; interactive writes through `services.ledger.create`; totals latency is ' +
      '`services.ledger.summary` (figures + participation) after 3 warm-up calls. Raw numbers: `bench/ledger-results.json`.',
    '',
  );
  for (const r of runs) {
    const m = r.machine;
    out.push(`- **${r.backend}** — ${r.date.slice(0, 10)}, ${r.version}; ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}`);
  }
  out.push('');
  const col = (f: (r: (typeof runs)[number]) => string) => runs.map(f);
  const head = ['', ...runs.map((r) => r.backend)];
  const rows: string[][] = [
    ['Entries loaded', ...col((r) => fmtInt(r.entries))],
    ['Bodies / members', ...col((r) => `${fmtInt(r.bodies)} / ${fmtInt(r.members)}`)],
    ['Entry–member links', ...col((r) => fmtInt(r.entryMemberLinks))],
    ['Bulk load (insert + id read-back + member links)', ...col((r) => `${fmtInt(r.load.entriesPerSecond)} entries/s (${r.load.seconds.toFixed(1)} s)`)],
    ['of which `bulkInsert` alone', ...col((r) => `${fmtInt(r.load.bulkInsertEntriesPerSecond)} entries/s (${r.load.bulkInsertSeconds.toFixed(1)} s)`)],
    ['`rebuildTotals()`', ...col((r) => `${r.rebuildTotalsSeconds.toFixed(2)} s → ${fmtInt(r.totalsRows)} totals rows`)],
    ['`ANALYZE`', ...col((r) => `${r.analyzeSeconds.toFixed(2)} s`)],
    ['Interactive `ledger.create`', ...col((r) => `${r.interactive.entriesPerSecond} entries/s (median ${fmtMs(r.interactive.medianMs)} ms, p95 ${fmtMs(r.interactive.p95Ms)} ms, n=${r.interactive.entries})`)],
  ];
  const names = runs[0]?.latencies.map((l) => l.name) ?? [];
  for (const name of names) {
    const sample = runs[0]!.latencies.find((l) => l.name === name)!;
    rows.push([
      `Summary: ${name} (${sample.orgName}, ${sample.years}) median / p95 / max`,
      ...col((r) => {
        const l = r.latencies.find((x) => x.name === name);
        return l ? `${fmtMs(l.medianMs)} / ${fmtMs(l.p95Ms)} / ${fmtMs(l.maxMs)} ms` : '—';
      }),
    ]);
  }
  rows.push(['Size: `ledger_entries` / database', ...col((r) => (r.sizes ? `${r.sizes.ledgerEntries} / ${r.sizes.database}` : '—'))]);
  rows.push(['Province: `figures` / `participation` (median)', ...col((r) => `${fmtMs(r.provinceBreakdown.figuresMs)} / ${fmtMs(r.provinceBreakdown.participationMs)} ms`)]);
  const before = runs.find((r) => r.latenciesBeforeAnalyze);
  if (before) {
    rows.push([
      'Summary: province before `ANALYZE` median / p95',
      ...col((r) => {
        const l = r.latenciesBeforeAnalyze?.find((x) => x.name === 'province');
        return l ? `${fmtMs(l.medianMs)} / ${fmtMs(l.p95Ms)} ms` : '—';
      }),
    ]);
  }
  out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  const pgRun = file.runs.postgres;
  if (pgRun) {
    const prov = pgRun.latencies.find((l) => l.name === 'province');
    const met = prov && prov.p95Ms < TARGET_MS;
    out.push(
      `**Target (province totals under ${TARGET_MS} ms on PostgreSQL, ${fmtInt(pgRun.entries)} entries): ${met ? 'met' : 'NOT met'}** — ` +
        `median ${fmtMs(prov?.medianMs ?? NaN)} ms, p95 ${fmtMs(prov?.p95Ms ?? NaN)} ms.`,
      '',
    );
  } else out.push(`**Target (province totals under ${TARGET_MS} ms on PostgreSQL): not measured in this run (no PostgreSQL).**`, '');
  const pgl = file.runs.pglite;
  if (pgl && pgRun && pgl.entries !== pgRun.entries)
    out.push(`PGlite was run with ${fmtInt(pgl.entries)} entries, not ${fmtInt(pgRun.entries)}: its full load would take too long for one run (see the load rate).`, '');
  return out.join('\n');
}

function writeResults(results: BackendResult[], opts: Options): void {
  const file = readResults();
  const m = machine();
  for (const r of results) file.runs[r.backend] = { ...r, machine: m, options: { interactive: opts.interactive, runs: opts.runs, batch: opts.batch } };
  if (results.length) writeFileSync(RESULTS_JSON, JSON.stringify(file, null, 2) + '\n');
  const section = markdown(file);
  const heading = '## Ledger (`npm run bench:ledger`)';
  let md = existsSync(RESULTS_MD) ? readFileSync(RESULTS_MD, 'utf8') : '# Benchmark results\n\n';
  const start = md.indexOf(heading);
  if (start === -1) md = `${md.trimEnd()}\n\n${section}`;
  else {
    const next = md.indexOf('\n## ', start + heading.length);
    // Keep what follows the generated part of the section: hand-written analysis under "### Notes" is preserved.
    const notesAt = md.indexOf('\n### ', start + heading.length);
    const keepFrom = notesAt !== -1 && (next === -1 || notesAt < next) ? notesAt : next;
    md = md.slice(0, start) + section.trimEnd() + '\n' + (keepFrom === -1 ? '' : md.slice(keepFrom));
  }
  writeFileSync(RESULTS_MD, md.trimEnd() + '\n');
  console.log(`bench: results written to ${results.length ? `${path.relative(process.cwd(), RESULTS_JSON)} and ` : ''}${path.relative(process.cwd(), RESULTS_MD)}`);
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.reportOnly) {
    // Regenerates the RESULTS.md section from ledger-results.json without running anything.
    writeResults([], opts);
    return;
  }
  const m = machine();
  console.log(`bench:ledger — ${opts.backends.join(' + ')}, ${fmtInt(opts.entries)} entries${opts.pgliteEntries !== opts.entries ? ` (PGlite ${fmtInt(opts.pgliteEntries)})` : ''}; ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}`);
  const results: BackendResult[] = [];
  for (const backend of opts.backends) results.push(await runBackend(backend, opts));
  console.log('');
  for (const r of results) {
    const prov = r.latencies.find((l) => l.name === 'province');
    console.log(
      `${r.backend.padEnd(8)} ${fmtInt(r.entries)} entries: load ${fmtInt(r.load.entriesPerSecond)}/s, rebuild ${r.rebuildTotalsSeconds} s, ` +
        `interactive ${r.interactive.entriesPerSecond}/s, province summary median ${fmtMs(prov?.medianMs ?? NaN)} ms (p95 ${fmtMs(prov?.p95Ms ?? NaN)} ms)` +
        (r.backend === 'postgres' ? ` — target ${TARGET_MS} ms ${prov && prov.p95Ms < TARGET_MS ? 'met' : 'NOT met'}` : ''),
    );
  }
  if (opts.write) writeResults(results, opts);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
