import QRCode from "qrcode"

/** Width and height, in CSS pixels, the SVG declares; it scales freely through its viewBox. */
export const VIETQR_SVG_SIZE = 256

/**
 * Renders a VietQR payload as a standalone SVG document (error correction M, quiet zone of
 * 2 modules, white background) with a viewBox and an explicit width and height.
 */
export async function vietQrSvg(payload: string, size = VIETQR_SVG_SIZE): Promise<string> {
  if (typeof payload !== "string" || payload.length === 0) {
    throw new Error("vietQrSvg needs a non-empty payload")
  }
  const svg = await QRCode.toString(payload, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    width: size,
    color: { dark: "#000000", light: "#ffffff" },
  })
  return svg.trim()
}
