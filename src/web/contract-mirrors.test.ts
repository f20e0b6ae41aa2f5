import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { objectShapes } from '../contract/shapes';

/**
 * Issue 10: “the web has no hand-written interface that mirrors a server shape”. The server's shapes are the zod
 * schemas of `src/contract`; the web takes its types from them (`z.output<typeof …>`). This test reads every interface
 * and object type the web declares and fails on one whose properties are (nearly) those of a contract object: a copy
 * that would drift. It also keeps the features' `api.ts` files (the web's side of each route) free of object types of
 * their own, apart from the few listed below, which describe nothing the server sends.
 */

const ROOT = join(__dirname, '..', '..');
const files = (dir: string, pattern: RegExp): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), pattern) : pattern.test(e.name) ? [join(dir, e.name)] : []));

/** Object types the web's api.ts files may declare: request plumbing and browser-side state, not server shapes. */
const WEB_ONLY = new Set(['app/api.ts RequestOptions', 'app/api.ts UploadProgress']);

/** Features whose api.ts still carries its own copies (issue 10, being moved to src/contract): to be emptied. */
const PENDING = new Set<string>([
]);

interface Declared {
  file: string;
  name: string;
  keys: string[];
}

function declaredObjects(file: string): Declared[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Declared[] = [];
  const membersOf = (node: ts.Node): string[] => {
    if (ts.isTypeLiteralNode(node) || ts.isInterfaceDeclaration(node))
      return node.members.flatMap((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : []));
    if (ts.isIntersectionTypeNode(node)) return node.types.flatMap(membersOf);
    return [];
  };
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node)) out.push({ file, name: node.name.text, keys: membersOf(node) });
    else if (ts.isTypeAliasDeclaration(node)) {
      const keys = membersOf(node.type);
      if (keys.length) out.push({ file, name: node.name.text, keys });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

async function contractShapes(): Promise<Array<{ module: string; name: string; keys: string[] }>> {
  const dir = join(ROOT, 'src', 'contract');
  const out: Array<{ module: string; name: string; keys: string[] }> = [];
  for (const file of files(dir, /^(?!.*\.test\.ts$).*\.ts$/)) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (value && typeof value === 'object' && '_zod' in value)
        for (const shape of objectShapes(value as z.ZodType)) out.push({ module: relative(dir, file), name, keys: shape.keys });
    }
  }
  return out;
}

const webFiles = files(join(ROOT, 'src', 'web'), /^(?!.*\.test\.tsx?$).*\.tsx?$/);
const featureOf = (file: string) => relative(join(ROOT, 'src', 'web'), file).split('/')[0]!;

describe('one contract: the web declares no copy of a server shape', () => {
  it('finds the contract objects and the web types it compares (the test can see what it checks)', async () => {
    const shapes = await contractShapes();
    expect(shapes.some((s) => s.module === 'audit.ts' && s.keys.includes('entityLabel'))).toBe(true);
    // A copy of the audit item, as the web had before the contract, is found.
    const copy = ['id', 'seq', 'at', 'userId', 'userName', 'entity', 'entityLabel', 'entityId', 'action', 'actionLabel'];
    expect(shapes.some((s) => mirrors(copy, s.keys))).toBe(true);
  });

  it('no interface or object type in the web repeats the properties of a contract object', async () => {
    const shapes = await contractShapes();
    const found: string[] = [];
    for (const file of webFiles) {
      if (PENDING.has(featureOf(file))) continue;
      for (const d of declaredObjects(file)) {
        const hit = shapes.find((s) => mirrors(d.keys, s.keys));
        if (hit) found.push(`${relative(ROOT, file)} ${d.name} ≈ src/contract/${hit.module} ${hit.name} {${hit.keys.join(', ')}}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("the features' api.ts files take every server shape from the contract", () => {
    const found: string[] = [];
    for (const file of webFiles.filter((f) => f.endsWith('/api.ts'))) {
      const feature = featureOf(file);
      if (PENDING.has(feature)) continue;
      for (const d of declaredObjects(file)) if (d.keys.length >= 2 && !WEB_ONLY.has(`${feature}/api.ts ${d.name}`)) found.push(`${relative(ROOT, file)} ${d.name}`);
    }
    expect(found).toEqual([]);
  });
});

/** A web type mirrors a contract object when nearly all its properties are the object's and it covers most of them. */
function mirrors(web: string[], contract: string[]): boolean {
  if (web.length < 3 || contract.length < 3) return false;
  const c = new Set(contract);
  const shared = web.filter((k) => c.has(k)).length;
  return shared >= 3 && shared / web.length >= 0.8 && shared / contract.length >= 0.6;
}
