/**
 * Assessment benchmark (`npm run bench:assessment`; not a test): a round of 3,000 units × 40 indicators × 3 methods
 * computed by the pure engine (`evaluateRound`): grades, median grading, points, done/not done, composites, rules and
 * explanations. Target (issue 5): under 1 s. Deterministic data; results in bench/assessment-results.json and a section
 * of bench/RESULTS.md.
 *
 *   npm run bench:assessment -- [--units=3000] [--indicators=40] [--runs=5]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SCALE_EAST_WEST } from '../src/domain/assessment/engine';
import { evaluateRound, type Entry, type UnitInput } from '../src/domain/assessment/round';
import { DEFAULT_GRADE_POINTS, DEFAULT_GRADE_THRESHOLDS, type Content, type Scheme } from '../src/domain/assessment/scheme';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const UNITS = Number(args.units ?? 3000);
const INDICATORS = Number(args.indicators ?? 40);
const RUNS = Number(args.runs ?? 5);
const ROOT = path.resolve(import.meta.dirname, '..');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

// Six contents (六大项) of ~7 indicators: a quarter graded, a quarter median, a quarter points, a quarter done.
const contents: Content[] = Array.from({ length: 6 }, (_, c) => ({ key: `c${c}`, name: `大项${c + 1}`, major: true, indicators: [] }));
for (let i = 0; i < INDICATORS; i++) {
  const kind = i % 4;
  contents[i % 6]!.indicators.push({
    key: `i${i}`,
    name: `指标${i + 1}`,
    source: '基准测试',
    scoring:
      kind === 0 ? { kind: 'grade' } : kind === 1 ? { kind: 'median', unit: '万元' } : kind === 2 ? { kind: 'points', max: 10 } : { kind: 'done', doneGrades: ['好', '较好'], notDoneGrade: '差' },
  });
}
const scheme: Scheme = {
  id: 'bench',
  name: '基准测试方案',
  year: 2019,
  unitKind: '县',
  source: '基准测试',
  scale: SCALE_EAST_WEST,
  methods: [
    { key: 'cross', label: '交叉考核', weight: 40 },
    { key: 'third', label: '第三方评估', weight: 30 },
    { key: 'daily', label: '日常工作情况', weight: 30 },
  ],
  contents,
  gradePoints: DEFAULT_GRADE_POINTS,
  gradeThresholds: DEFAULT_GRADE_THRESHOLDS,
  facts: [
    { key: 'targets', label: '完成全国和省目标要求' },
    { key: 'violation', label: '有重大违法、违纪问题' },
  ],
  rules: [
    { kind: 'floor', id: 'targets', fact: 'targets', min: '较好', text: '完成全国和省目标要求的，评价档次不能低于“较好”' },
    { kind: 'veto', id: 'violation', fact: 'violation', text: '有重大违法、违纪问题的，一票否决，评为“差”' },
    { kind: 'cap', id: 'one_fair', items: 'major', when: '一般', max: '较好', text: '有一大项被评价为“一般”的，不能评价为“好”' },
    { kind: 'cap', id: 'one_poor', items: 'major', when: '差', max: '一般', text: '有一大项被评价为“差”的，不能评价为“好”和“较好”' },
  ],
  adjustments: [{ key: 'late', label: '援助资金 3 月 30 日后到位', sign: -1, max: 5 }],
};

const random = rng(20191231);
const units: UnitInput[] = Array.from({ length: UNITS }, (_, u) => {
  const entries: Record<string, Record<string, Entry>> = {};
  for (const m of scheme.methods) {
    const row: Record<string, Entry> = {};
    for (let i = 0; i < INDICATORS; i++) {
      const kind = i % 4;
      row[`i${i}`] =
        kind === 0
          ? { grade: SCALE_EAST_WEST[Math.floor(random() ** 2 * 4)]! }
          : kind === 1
            ? { value: Math.round(random() * 1000) / 10 }
            : kind === 2
              ? { points: Math.round(random() * 100) / 10 }
              : { done: random() > 0.1, grade: random() > 0.5 ? '好' : '较好' };
    }
    entries[m.key] = row;
  }
  return { unit: `单位${u + 1}`, entries, facts: { targets: random() > 0.7, violation: random() > 0.99 }, adjustments: random() > 0.9 ? { late: 2 } : ({} as Record<string, number>) };
});

evaluateRound(scheme, units.slice(0, 100)); // warm-up
const samples: number[] = [];
let last: ReturnType<typeof evaluateRound> = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  last = evaluateRound(scheme, units);
  samples.push(performance.now() - t0);
}
samples.sort((a, b) => a - b);
const medianMs = +samples[samples.length >> 1]!.toFixed(1);
const grades = Object.fromEntries(SCALE_EAST_WEST.map((g) => [g, last.filter((r) => r.grade === g).length]));
const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', node: process.version };
const result = { date: new Date().toISOString().slice(0, 10), machine, units: UNITS, indicators: INDICATORS, methods: scheme.methods.length, runs: RUNS, medianMs, maxMs: +samples.at(-1)!.toFixed(1), grades };
console.log(`[bench:assessment] ${UNITS} units × ${INDICATORS} indicators × ${scheme.methods.length} methods: median ${medianMs} ms (target < 1000 ms); grades ${JSON.stringify(grades)}`);
writeFileSync(path.join(ROOT, 'bench', 'assessment-results.json'), JSON.stringify(result, null, 2) + '\n');

const section = [
  '## Assessment (`npm run bench:assessment`)',
  '',
  `${result.date}; ${machine.cpus} × ${machine.cpu}, Node ${machine.node}. A round computed by the pure engine (\`evaluateRound\`): indicators a quarter each graded, median-graded (中位法 over all units), points and done/not done; six major items with the East–West floor, veto and caps; ${RUNS} runs. Raw numbers: \`bench/assessment-results.json\`.`,
  '',
  '| Round | Median | Slowest | Target |',
  '|---|---|---|---|',
  `| ${UNITS.toLocaleString()} units × ${INDICATORS} indicators × ${scheme.methods.length} methods | ${medianMs} ms | ${result.maxMs} ms | < 1,000 ms — ${medianMs < 1000 ? 'met' : '**not met**'} |`,
  '',
].join('\n');
const file = path.join(ROOT, 'bench', 'RESULTS.md');
const current = readFileSync(file, 'utf8');
const start = current.indexOf('## Assessment (`npm run bench:assessment`)');
const next = start === -1 ? -1 : current.indexOf('\n## ', start + 10);
writeFileSync(file, start === -1 ? `${current.trimEnd()}\n\n${section}` : current.slice(0, start) + section + (next === -1 ? '' : current.slice(next + 1)));
