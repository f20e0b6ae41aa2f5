/** Members (委员信息管理, seed 000): requests and answers of /api/members, declared once for the server and the web. */
import { z } from 'zod';
import { MEMBER_STATUSES } from '../domain/shared/members';
import { pageSchema } from './page';
import { id, int, isoDate, name, oneOf, optionalInt, page, pageSize, text } from './zod';

export const memberStatus = z.enum(MEMBER_STATUSES);

export const memberQuery = z.object({ orgId: optionalInt, q: name(100).optional(), status: memberStatus.optional(), page, pageSize });
export type MemberQuery = z.output<typeof memberQuery>;

export const member = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  orgPath: z.string(),
  name: z.string(),
  sector: z.string(),
  phone: z.string(),
  skills: z.string(),
  status: memberStatus,
  unableReason: z.string().nullable(),
  unableFrom: z.string().nullable(),
  version: z.number(),
});
export type Member = z.output<typeof member>;
export const memberPage = pageSchema(member);

const memberFields = {
  name: name(50).optional(),
  sector: name(50).optional(),
  phone: name(30).optional(),
  skills: text(2000).optional(),
  status: oneOf(MEMBER_STATUSES).optional(),
  unableReason: text(2000).nullish(),
  unableFrom: isoDate().nullish(),
};
export const memberInput = z.object({ orgId: id(), ...memberFields });
export type MemberInput = z.output<typeof memberInput>;
export const memberPatch = z.object({ ...memberFields, version: int() });
export type MemberPatch = z.output<typeof memberPatch>;
