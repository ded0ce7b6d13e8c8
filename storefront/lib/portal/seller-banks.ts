/**
 * Common NAPAS member banks, so a seller picks its bank by name instead of typing a 6-digit BIN.
 * The same list as the backend's `NAPAS_BANKS` (backend/src/modules/vietqr/payload.ts).
 */
export const NAPAS_BANKS: readonly { bin: string; name: string }[] = [
  { bin: "970405", name: "Agribank" },
  { bin: "970436", name: "Vietcombank" },
  { bin: "970415", name: "VietinBank" },
  { bin: "970418", name: "BIDV" },
  { bin: "970422", name: "MB" },
  { bin: "970407", name: "Techcombank" },
  { bin: "970416", name: "ACB" },
  { bin: "970432", name: "VPBank" },
  { bin: "970403", name: "Sacombank" },
  { bin: "970423", name: "TPBank" },
]

/** A bank's name for its BIN; the BIN itself for a bank not in the list. */
export const bankName = (bin: string) => NAPAS_BANKS.find((b) => b.bin === bin)?.name ?? bin
