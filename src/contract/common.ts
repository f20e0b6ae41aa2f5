/** Files — sent as they are, or described as kept — and the empty answer of a 204. */
import { z } from 'zod';

/**
 * A file the route sends (an .xlsx, .docx, .pdf, .csv…): described in the API document as binary. Fastify writes a
 * Buffer or a stream as it is, so no JSON is produced and the schema only documents it.
 */
export const fileAnswer = (description: string) => z.string().meta({ format: 'binary', description }) as unknown as z.ZodType<FileBody>;

/** What a route may send for a file: its bytes, a stream of them, or text (CSV). */
export type FileBody = string | Uint8Array | { pipe: (...args: never[]) => unknown };

/** The answer of a 204: nothing. */
export const noContent = z.null().meta({ description: '无内容' });

/** `{ ok: true }`, the answer of an action that has nothing else to say. */
export const okAnswer = z.object({ ok: z.literal(true) });

/**
 * A file kept with a record (the attachments table), without its content: a procedure step's evidence (佐证材料) or a
 * visit's signature (帮扶成效签字).
 */
export const attachment = z.object({
  id: z.number(),
  ownerType: z.string(),
  ownerId: z.number(),
  stepIndex: z.number().nullable(),
  /** A visit's file: photo (走访照片), household (贫困户签字), helper (帮扶责任人签字); null: evidence or 签字材料. */
  kind: z.string().nullable(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  userId: z.number(),
  at: z.string(),
});
export type Attachment = z.output<typeof attachment>;
