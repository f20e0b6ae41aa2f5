/**
 * Reads the bench's roster CSV (the template's columns, one person a line) into the rows `RosterService.importRoster`
 * takes on this branch, converting cells as `parseRoster` does for a sheet (是/否, integers). Part of the adapter of
 * `bench/national.ts`: once the importer reads a CSV stream itself, the adapter hands it the file and this goes.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ROSTER_COLUMNS, type RosterRow } from '../src/server/registry/roster';

const at = Object.fromEntries(ROSTER_COLUMNS.map((c, i) => [c.field, i])) as Record<(typeof ROSTER_COLUMNS)[number]['field'], number>;

export async function readRosterCsv(file: string): Promise<RosterRow[]> {
  const rows: RosterRow[] = [];
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    n++;
    if (n === 1 || !line) continue; // header
    const c = line.split(',');
    const yes = (i: number) => (c[i] === '' ? undefined : c[i] === '是');
    const int = (i: number) => (c[i] === '' ? undefined : Number(c[i]));
    rows.push({
      row: n,
      villageCode: c[at.villageCode]!,
      number: c[at.number]!,
      attribute: c[at.attribute] || undefined,
      identifiedYear: int(at.identifiedYear),
      mainCause: c[at.mainCause] || undefined,
      secondaryCauses: c[at.secondaryCauses] ? c[at.secondaryCauses]!.split('、') : undefined,
      housingSafe: yes(at.housingSafe),
      drinkingWaterSafe: yes(at.drinkingWaterSafe),
      foodClothingSecure: yes(at.foodClothingSecure),
      person: {
        name: c[at.name]!,
        idNumber: c[at.idNumber]!,
        relation: c[at.relation]!,
        schooling: c[at.schooling] || undefined,
        dropoutForPoverty: yes(at.dropoutForPoverty),
        health: c[at.health] || undefined,
        disabilityGrade: int(at.disabilityGrade) ?? null,
        labour: c[at.labour]!,
        hasQualification: yes(at.hasQualification),
        workMonths: int(at.workMonths),
        workPlace: c[at.workPlace] || undefined,
        workIncome: int(at.workIncome),
        medicalInsured: yes(at.medicalInsured),
        seriousIllnessInsured: yes(at.seriousIllnessInsured),
        pensionInsured: yes(at.pensionInsured),
      },
      errors: [],
    });
  }
  return rows;
}

/** The CSV's header row. */
export const ROSTER_CSV_HEADER = ROSTER_COLUMNS.map((c) => c.header).join(',') + '\n';
