import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';

export interface AppRoute {
  method: string;
  /** Fastify's form: `/api/registry/households/:id`. */
  url: string;
}

/**
 * Every route the app registered, from the app itself (the OpenAPI document @fastify/swagger builds from its own
 * `onRoute` hook), so that a route added later is walked without editing the test. The UI's own documentation
 * routes (`/api/docs…`) are left out.
 */
export function appRoutes(app: FastifyInstance): AppRoute[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  const out: AppRoute[] = [];
  for (const [p, ops] of Object.entries(doc.paths ?? {})) {
    const url = p.replace(/\{([^}]+)\}/g, ':$1');
    for (const method of Object.keys(ops)) out.push({ method: method.toUpperCase(), url });
  }
  return out;
}

/** The names of a route's path parameters, in order. */
export const pathParams = (url: string): string[] => [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);

/** A route's URL with its parameters filled in. */
export function fillPath(url: string, values: Record<string, string | number>): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for :${name} of ${url}`);
    return encodeURIComponent(String(v));
  });
}

/**
 * 18-character ID numbers of the GB 11643 form (address code, a birth date of 1800–2099, sequence, check character)
 * standing in a text, unmasked.
 */
const ID_NUMBER = /(?<![0-9])[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g;

export function unmaskedIdNumbers(text: string): string[] {
  return [...text.matchAll(ID_NUMBER)].map((m) => m[0]);
}

/** Every cell of every sheet of an .xlsx, as text. */
export async function xlsxText(buffer: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const parts: string[] = [];
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        parts.push(cell.text);
      }),
    ),
  );
  return parts.join('\n');
}
