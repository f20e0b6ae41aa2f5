import { attachments } from './schema';

/** The columns of an attachment without its content (lists of evidence files and signatures). */
export const attachmentMeta = {
  id: attachments.id,
  ownerType: attachments.ownerType,
  ownerId: attachments.ownerId,
  stepIndex: attachments.stepIndex,
  fileName: attachments.fileName,
  mime: attachments.mime,
  size: attachments.size,
  userId: attachments.userId,
  at: attachments.at,
};
export type AttachmentMeta = Omit<typeof attachments.$inferSelect, 'content'>;
