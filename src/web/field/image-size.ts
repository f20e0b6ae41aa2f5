/**
 * The size a photo is scaled down to before it is queued (issue 12: photos from the camera, kept small enough for a
 * weak network): the longer side at most `max` pixels (1600), the shape kept, never scaled up. Pure.
 */
export const MAX_PHOTO_SIDE = 1600;

export function fitWithin(width: number, height: number, max = MAX_PHOTO_SIDE): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) return { width: 0, height: 0 };
  const longer = Math.max(width, height);
  if (longer <= max) return { width: Math.round(width), height: Math.round(height) };
  const scale = max / longer;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
