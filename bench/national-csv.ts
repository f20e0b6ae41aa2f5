/** The bench's roster CSV (the template's columns, one person a line): the importer reads it with `streamRoster`. */
import { ROSTER_COLUMNS } from '../src/server/registry/roster';

/** The CSV's header row. */
export const ROSTER_CSV_HEADER = ROSTER_COLUMNS.map((c) => c.header).join(',') + '\n';
