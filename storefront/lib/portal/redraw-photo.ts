// Phone photos are several megabytes, slow on a village's mobile data: the portal redraws them
// smaller in the browser before they are sent or kept on the phone. Browser-only (canvas).

/**
 * The image redrawn at most `maxSidePx` on its long side as JPEG of this quality; null when the
 * browser cannot draw it (not an image, or a format it does not decode).
 */
export async function redrawAsJpeg(
  file: Blob,
  maxSidePx: number,
  quality: number,
): Promise<Blob | null> {
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, maxSidePx / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement("canvas")
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    bitmap.close()
    return await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, "image/jpeg", quality),
    )
  } catch {
    return null
  }
}
