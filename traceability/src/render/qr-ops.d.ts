export declare const ERROR_CORRECTION: "M"
export declare const QUIET_ZONE: number

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number
  /** Row-major, 1 for a dark module. */
  data: Uint8Array
}

export declare function qrMatrix(text: string): QrMatrix
export declare function qrPathOperators(matrix: QrMatrix, offset?: number): string
