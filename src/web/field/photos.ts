/** Photos from the camera, scaled down on the phone before they are queued (≤ 1600 px on the longer side, JPEG). */
import { fitWithin } from './image-size';

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close: () => void }> {
  if ('createImageBitmap' in window) {
    const bitmap = await createImageBitmap(file);
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  await img.decode();
  return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
}

/** The photo as a JPEG of at most 1600 px; a file that is no image the browser can read is refused. */
export async function downscalePhoto(file: File): Promise<Blob> {
  let image;
  try {
    image = await decode(file);
  } catch {
    throw new Error(`“${file.name}”不是可以识别的图片`);
  }
  try {
    const size = fitWithin(image.width, image.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('无法处理图片');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(image.source, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('无法处理图片'))), 'image/jpeg', 0.85));
  } finally {
    image.close();
  }
}
