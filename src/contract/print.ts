/**
 * The household forms' PDFs (issue 12): 扶贫手册, 贫困户登记表, 明白卡, 脱贫光荣证, and a village's handbooks in one file.
 * The answers are PDF bytes (`fileAnswer`); only the village batch takes a query.
 */
import { z } from 'zod';
import { name } from './zod';

/** GET /api/print/villages/:code/handbooks.pdf: the village's households of one status (default all). */
export const villageHandbooksQuery = z.object({ status: name(10).optional() });
export type VillageHandbooksQuery = z.output<typeof villageHandbooksQuery>;

/** Where the web opens each household form's PDF (the web's print buttons use these). */
export const householdPrintUrl = (id: number, form: 'handbook' | 'registration' | 'card') => `/api/print/households/${id}/${form}.pdf`;
export const certificatePrintUrl = (procedureId: number) => `/api/print/procedures/${procedureId}/certificate.pdf`;
export const villageHandbooksUrl = (code: string) => `/api/print/villages/${code}/handbooks.pdf`;
