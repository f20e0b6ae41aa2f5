/**
 * The schemes shipped ready to use (issue 5), transcribed from the seeds; administrators copy and edit them. What the
 * Scheme type cannot hold is kept beside each scheme: the consequences of a grade (谈话提醒, 表扬, 约谈) and, for the
 * Guangdong 2019 tables, the second level of 考核内容.
 */
import type { Scheme } from '../scheme';
import type { Consequence } from './consequence';
import { ANHUA_2018 } from './anhua-2018';
import { EAST_WEST_CITIES, EAST_WEST_CITIES_CONSEQUENCES } from './east-west-cities';
import { EAST_WEST_DEPARTMENTS, EAST_WEST_DEPARTMENTS_CONSEQUENCES } from './east-west-departments';
import { GUANGDONG_2019_AIDED, GUANGDONG_2019_AIDED_CONSEQUENCES } from './guangdong-2019-aided';
import { GUANGDONG_2019_PAIRING, GUANGDONG_2019_PAIRING_CONSEQUENCES } from './guangdong-2019-pairing';
import { NATIONAL_2017 } from './national-2017';

export const SHIPPED_SCHEMES: Scheme[] = [GUANGDONG_2019_AIDED, GUANGDONG_2019_PAIRING, EAST_WEST_CITIES, EAST_WEST_DEPARTMENTS, NATIONAL_2017, ANHUA_2018];

/** Scheme id → what follows from a unit's final grade (national 2017 and Anhua 2018 state none tied to a grade). */
export const SHIPPED_CONSEQUENCES: Record<string, Consequence[]> = {
  [GUANGDONG_2019_AIDED.id]: GUANGDONG_2019_AIDED_CONSEQUENCES,
  [GUANGDONG_2019_PAIRING.id]: GUANGDONG_2019_PAIRING_CONSEQUENCES,
  [EAST_WEST_CITIES.id]: EAST_WEST_CITIES_CONSEQUENCES,
  [EAST_WEST_DEPARTMENTS.id]: EAST_WEST_DEPARTMENTS_CONSEQUENCES,
};
