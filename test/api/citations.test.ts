/**
 * Text a user reads cites the real document — its 文号 and title, or its title, issuer and year — and never the file
 * the rules were transcribed from (issue 10: “The UI cites ‘种子文件 004’ as the legal basis: cite the document's title
 * and number … and never the word 种子”).
 *
 * 1. Every string of the code a user can be shown (server, web, domain, CLI; comments, imports and tests aside) and
 *    every shipped asset is scanned for 种子 / seed / the seed files' names, naming the file and line of each hit.
 * 2. What the API serves from the database (procedure definitions, poverty lines, the deep-poverty list, the quality
 *    checks, the shipped schemes) cites the documents of src/domain/shared/sources.ts, and the migration rewrites the
 *    texts a database stored before.
 */
import { NATIONAL_LINE_YUAN } from '../../src/domain/registry/national-poverty-line';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../src/domain/procedures/definitions';
import { DEFAULT_LINES } from '../../src/domain/registry/poverty-lines';
import { cite, SOURCES } from '../../src/domain/shared/sources';
import { MIGRATIONS_DIR } from '../../src/server/db/connection';
import { createTestApp, type TestApp } from '../support/app';
import { dbKinds } from '../support/db';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The word a user must never read as a basis, in Chinese or English, and the seed files' names (000_…, 004_…). */
const FORBIDDEN = /种子|seed|\b00[0-4]_/i;

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true })
    .map(String)
    .map((f) => path.join(dir, f))
    .filter(keep)
    .sort();
}

const isSource = (f: string) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts');

/** The texts of a TypeScript file that can reach a user: string and template literals and JSX text, with their line. */
function userStrings(file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): Array<{ line: number; text: string }> {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    // Module specifiers ('./SeedRule') name files, not anything a user reads.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node))
      out.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.text });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The string values of a JSON asset, with the line each sits on. */
function jsonStrings(file: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  readFileSync(path.join(ROOT, file), 'utf8')
    .split('\n')
    .forEach((l, i) => {
      for (const m of l.matchAll(/"((?:[^"\\]|\\.)*)"/g)) out.push({ line: i + 1, text: JSON.parse(`"${m[1]}"`) as string });
    });
  return out;
}

describe('what a user reads names no seed file', () => {
  it('holds for every string of the server, the web, the domain and the command line, and for the shipped assets', () => {
    const files = filesUnder('src', isSource);
    expect(files.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const f of files) for (const s of userStrings(f)) if (FORBIDDEN.test(s.text)) hits.push(`${f}:${s.line}: ${s.text}`);
    for (const f of filesUnder('assets', (f) => f.endsWith('.json'))) for (const s of jsonStrings(f)) if (FORBIDDEN.test(s.text)) hits.push(`${f}:${s.line}: ${s.text}`);
    expect(hits, `cite the document from src/domain/shared/sources.ts instead:\n${hits.join('\n')}`).toEqual([]);
  });

  it('finds a string that breaks the rule, and ignores comments and imports', () => {
    const sample = "// 种子文件 004\nimport { SeedRule } from './SeedRule';\nexport const a = <p title={`依据：${'x'}`}>种子文件 002</p>;\nexport const b = '见 004_e24e';\n";
    expect(userStrings('sample.tsx', sample).filter((s) => FORBIDDEN.test(s.text))).toEqual([
      { line: 3, text: '种子文件 002' },
      { line: 4, text: '见 004_e24e' },
    ]);
  });
});

describe.each(dbKinds())('the documents the API cites on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const BRIEFING = cite('maanshan2017');

  it('serves definitions, poverty lines, the deep-poverty list, the quality checks and the schemes citing documents', async () => {
    const definitions = (await t.admin.get('/api/procedures/definitions')).json() as Array<{ kind: string; source: string }>;
    expect(definitions.length).toBeGreaterThan(0);
    for (const d of definitions) expect(d.source.startsWith(`${BRIEFING}：`), d.source).toBe(true);
    const lines = (await t.admin.get('/api/registry/poverty-lines')).json().items as Array<{ source: string }>;
    expect(lines.filter((l) => !l.source.startsWith(`${cite('nbsPovertyMonitoring')}：`)).map((l) => l.source).sort()).toEqual([`${BRIEFING}：“2017年省标3300元”`, `${BRIEFING}：“市标4200元”`].sort());
    // The national line of each year (issue 11: “as published by 国家统计局; cite the source in the data file”).
    expect(lines.filter((l) => l.source.startsWith('《中国农村贫困监测报告》（国家统计局住户调查办公室）：')).length).toBe(Object.keys(NATIONAL_LINE_YUAN).length);
    const deep = (await t.admin.get('/api/regions/deep-poverty-counties')).json() as { source: string };
    expect(deep.source).toMatch(/^《全省政协系统“我为扶贫攻坚做件事”活动电子台账指标解释及填报说明》（四川省政协）：“有对口帮扶藏区、彝区45个深度贫困县/);
    const checks = (await t.admin.get('/api/quality/checks')).json() as Array<{ key: string; rule: string }>;
    expect(checks.find((c) => c.key === 'helper_over_limit')?.rule).toBe(`${cite('anhuiRectification2017')}：每名帮扶联系人所联系的贫困家庭一般不超过3户`);
    const schemes = (await t.admin.get('/api/assessment/schemes')).json() as Array<{ id: number }>;
    const shipped = await Promise.all(schemes.map(async (s) => (await t.admin.get(`/api/assessment/schemes/${s.id}`)).json() as { scheme: { source: string } }));
    expect(shipped.map((s) => s.scheme.source).filter((s) => s.includes(SOURCES.guangdong2019.number))).toHaveLength(4);
    const everything = JSON.stringify([definitions, lines, deep, checks, shipped]);
    expect(everything).not.toMatch(FORBIDDEN);
  });

  it('rewrites the texts a database stored before (migration cite_sources)', async () => {
    // What earlier versions shipped: 种子文件 004：… and, for 返贫, the number.
    const old = (s: string) => s.replace(`${BRIEFING}：`, '种子文件 004：').replace('本系统：返贫按识别的步骤进行，由农户或村报告开始。', '返贫按识别的步骤进行，由农户或村报告开始（议题 4）。');
    for (const d of DEFAULT_DEFINITIONS) await t.database.query(`update procedure_definitions set source = $1 where kind = $2 and region_prefix = ''`, [old(d.source), d.kind]);
    for (const l of DEFAULT_LINES) await t.database.query(`update poverty_lines set source = $1 where year = $2 and scope = $3`, [old(l.source), l.year, l.scope]);
    expect(JSON.stringify((await t.admin.get('/api/procedures/definitions')).json())).toContain('种子文件 004');

    const file = readdirSync(MIGRATIONS_DIR).find((f) => f.endsWith('.sql') && readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8').includes('-- custom (cite_sources)'));
    expect(file).toBeDefined();
    const sql = readFileSync(path.join(MIGRATIONS_DIR, file!), 'utf8').split('-- custom (cite_sources)')[1]!;
    for (const statement of sql.split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean)) await t.database.query(statement);

    const definitions = (await t.admin.get('/api/procedures/definitions')).json() as Array<{ kind: string; source: string }>;
    for (const d of DEFAULT_DEFINITIONS) expect(definitions.find((x) => x.kind === d.kind)?.source).toBe(d.source);
    const lines = (await t.admin.get('/api/registry/poverty-lines')).json().items as Array<{ source: string }>;
    expect(lines.map((l) => l.source).sort()).toEqual(DEFAULT_LINES.map((l) => l.source).sort());
  });
});
