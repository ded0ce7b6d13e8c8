/**
 * Every message the service answers a client with, in Vietnamese and English: one catalogue so
 * both languages stay side by side. Routes throw `new HttpError(status, code, msg.someKey(...),
 * field)`; the error handler (http/errors.ts) sends the language the request's Accept-Language
 * prefers, Vietnamese unless English is preferred. Error `code`s and `field`s never change with
 * the language; clients match on those.
 *
 * A new error: add an entry here (both languages, the field named in the text) and throw it.
 */

import type { Text } from "@coop/contracts/i18n"

export type { Lang, Text } from "@coop/contracts/i18n"

const both = (vi: string, en: string): Text => ({ vi, en })

/** JSON Schema (ajv) validation failures, by keyword; `field` is the dotted field name. */
export function schemaText(
  keyword: string,
  field: string,
  params: Record<string, unknown> = {},
): Text {
  const p = params as Record<string, string | number | boolean | string[] | undefined>
  switch (keyword) {
    case "required":
      return both(`Thiếu trường ${field}`, `${field} is required`)
    case "type":
      return both(
        `${field} phải có kiểu ${typeNameVi(String(p.type))}`,
        `${field} must be ${typeNameEn(String(p.type))}`,
      )
    case "minLength":
      return Number(p.limit) <= 1
        ? both(`${field} không được để trống`, `${field} must not be empty`)
        : both(
            `${field}: cần ít nhất ${p.limit} ký tự`,
            `${field} must be at least ${p.limit} characters`,
          )
    case "maxLength":
      return both(
        `${field}: tối đa ${p.limit} ký tự`,
        `${field} must be at most ${p.limit} characters`,
      )
    case "minimum":
    case "exclusiveMinimum":
    case "maximum":
    case "exclusiveMaximum": {
      const cmp = String(p.comparison ?? (keyword.includes("inimum") ? ">=" : "<="))
      return both(
        `${field} phải ${COMPARE_VI[cmp] ?? cmp} ${p.limit}`,
        `${field} must be ${cmp} ${p.limit}`,
      )
    }
    case "minItems":
      return both(
        `${field}: cần ít nhất ${p.limit} mục`,
        `${field} must have at least ${p.limit} items`,
      )
    case "maxItems":
      return both(`${field}: tối đa ${p.limit} mục`, `${field} must have at most ${p.limit} items`)
    case "uniqueItems":
      return both(`${field} có mục trùng nhau`, `${field} must not repeat an item`)
    case "enum":
    case "const": {
      const allowed = (p.allowedValues as string[] | undefined) ?? [p.allowedValue as string]
      const list = allowed.filter((v) => v !== undefined).join(", ")
      return both(`${field} phải là một trong: ${list}`, `${field} must be one of: ${list}`)
    }
    case "pattern":
    case "format":
      return both(
        `${field} không đúng định dạng${p.format ? ` (${p.format})` : ""}`,
        `${field} is not in the expected format${p.format ? ` (${p.format})` : ""}`,
      )
    case "additionalProperties":
      return both(
        `${p.additionalProperty} không phải là trường được chấp nhận`,
        `${p.additionalProperty} is not a known field`,
      )
    default:
      return both(`${field} không hợp lệ`, `${field} is not valid`)
  }
}

const COMPARE_VI: Record<string, string> = {
  ">=": "không nhỏ hơn",
  ">": "lớn hơn",
  "<=": "không lớn hơn",
  "<": "nhỏ hơn",
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ["chuỗi ký tự", "a string"],
  integer: ["số nguyên", "an integer"],
  number: ["số", "a number"],
  boolean: ["true hoặc false", "true or false"],
  object: ["đối tượng", "an object"],
  array: ["danh sách", "a list"],
  null: ["null", "null"],
}
const typeNameVi = (type: string) => TYPE_NAMES[type]?.[0] ?? type
const typeNameEn = (type: string) => TYPE_NAMES[type]?.[1] ?? type

export const msg = {
  // Generic answers.
  routeNotFound: (method: string, url: string) =>
    both(`Không có đường dẫn ${method} ${url}`, `No route ${method} ${url}`),
  internal: () => both("Lỗi máy chủ; vui lòng thử lại sau", "Internal server error"),
  badJson: () => both("Nội dung gửi lên không phải JSON hợp lệ", "The body is not valid JSON"),
  emptyJson: () =>
    both(
      "Nội dung gửi lên trống trong khi Content-Type là application/json",
      "The body is empty although Content-Type is application/json",
    ),
  mediaType: (type: string) =>
    both(
      `Không nhận kiểu nội dung ${type || "(không có)"}; hãy gửi application/json`,
      `Unsupported content type ${type || "(none)"}; send application/json`,
    ),
  bodyTooLarge: () => both("Nội dung gửi lên quá lớn", "The body is too large"),
  refused: (detail: string) =>
    both(`Yêu cầu bị từ chối (${detail})`, detail || "The request was refused"),
  required: (field: string) => both(`Thiếu trường ${field}`, `${field} is required`),
  notKnownField: (field: string) =>
    both(`${field} không phải là trường được chấp nhận`, `${field} is not a known field`),
  notKnownType: (field: string) =>
    both(`${field} không thuộc loại nào được chấp nhận`, `${field} is not one of the known types`),
  invalidField: (field: string, detail: string) =>
    both(`${field} không hợp lệ (${detail})`, `${field} ${detail}`),
  tooLong: (field: string, max: number, length: number | null) =>
    both(
      `${field}: tối đa ${max} ký tự${length === null ? "" : ` (đã nhập ${length})`}`,
      `${field} must be at most ${max} characters${length === null ? "" : ` (${length} given)`}`,
    ),

  // Authentication and access.
  sendBearer: () =>
    both(
      "Cần gửi Authorization: Bearer <token> (hãy đăng nhập)",
      "Send Authorization: Bearer <token>",
    ),
  tokenExpired: () =>
    both("Phiên đăng nhập đã hết hạn; hãy đăng nhập lại", "The token has expired"),
  tokenInvalid: () => both("Mã đăng nhập không hợp lệ", "The token is not valid"),
  tokenNoActor: () => both("Mã đăng nhập không ghi người dùng", "The token names no actor"),
  backendRefusedToken: () =>
    both("Hệ thống bán hàng từ chối mã đăng nhập", "The backend refused the token"),
  officersUnavailable: () =>
    both("Danh bạ cán bộ tạm thời không truy cập được", "The officer directory is unavailable"),
  catalogueUnavailable: () =>
    both("Danh mục sản phẩm tạm thời không truy cập được", "The product catalogue is unavailable"),
  noSeller: () =>
    both("Tài khoản này không đại diện cho người bán nào", "The token acts for no seller"),
  onlyOperatorChoosesSeller: () =>
    both("Chỉ quản trị viên được chọn seller_id", "Only an operator may choose seller_id"),
  ownBatchesOnly: () =>
    both(
      "Tài khoản này chỉ xem được lô hàng của người bán mình",
      "The token may only list its own seller's batches",
    ),
  onlyOperatorGtin: () =>
    both(
      "Chỉ quản trị viên quyết định mã GTIN thuộc về ai",
      "Only an operator decides whose GTIN it is",
    ),
  communeOnly: (commune: string | null) =>
    both(
      `Cán bộ xã chỉ xem được số liệu của xã ${commune}`,
      `A commune officer sees commune ${commune} only`,
    ),
  provinceOnly: (province: string | null) =>
    both(
      `Cán bộ tỉnh chỉ xem được số liệu của tỉnh ${province}`,
      `A province officer sees province ${province} only`,
    ),
  statsWho: () =>
    both(
      "Số liệu thống kê chỉ dành cho hệ thống, quản trị viên và cán bộ xã hoặc tỉnh",
      "Statistics are for the backend, operators and commune or province officers",
    ),
  webhookNotConfigured: () =>
    both(
      "Chưa cấu hình trạng thái người bán: hãy đặt INDICATORS_WEBHOOK_SECRET",
      "Seller states are not configured: set INDICATORS_WEBHOOK_SECRET",
    ),
  badSignature: (check: string) =>
    both(`Chữ ký X-Coop-Signature không hợp lệ (${check})`, `Invalid X-Coop-Signature (${check})`),
  rateLimited: (seconds: number) =>
    both(
      `Quá nhiều yêu cầu từ địa chỉ này; vui lòng thử lại sau ${seconds} giây.`,
      `Too many requests from this address; retry in ${seconds} s.`,
    ),

  // Batches.
  batchNotFound: (id: string) => both(`Không có lô hàng ${id}`, `No batch ${id}`),
  productNotFound: (id: string) => both(`Không tìm thấy sản phẩm ${id}`, `Product ${id} not found`),
  operatorNamesSeller: () =>
    both(
      "Thiếu seller_id: quản trị viên phải ghi người bán mình làm thay",
      "seller_id is required: operators name the seller they act for",
    ),
  sellerIdRequired: () =>
    both("Thiếu seller_id cho tài khoản này", "seller_id is required for this token"),
  productOfOtherSeller: (product: string, owner: string, seller: string) =>
    both(
      `Sản phẩm ${product} thuộc người bán ${owner}, không phải ${seller}`,
      `Product ${product} belongs to seller ${owner}, not ${seller}`,
    ),
  duplicateLot: (product: string, lot: string) =>
    both(
      `Sản phẩm ${product} đã có lô mang mã ${lot}`,
      `Product ${product} already has a batch with lot code ${lot}`,
    ),
  batchRecalledFinal: (id: string) =>
    both(
      `Lô ${id}: lô đã bị thu hồi, không thể thay đổi nữa`,
      `Batch ${id}: the batch is recalled, which is final`,
    ),
  batchNotReopened: (id: string) =>
    both(
      `Lô ${id}: lô đã niêm phong không thể mở lại`,
      `Batch ${id}: a sealed batch cannot be opened again`,
    ),
  detailsFrozen: (id: string, state: string) =>
    both(
      `Lô ${id} đã ${stateVi(state)}; thông tin lô không còn sửa được`,
      `Batch ${id} is ${state}; its details no longer change`,
    ),
  recallReasonRequired: () =>
    both(
      "Cần ghi recall_reason (lý do thu hồi) để thu hồi lô",
      "recall_reason is required to recall a batch",
    ),
  recallReasonOnlyWithRecall: () =>
    both(
      "recall_reason chỉ đi kèm trạng thái recalled (thu hồi)",
      "recall_reason only goes with state recalled",
    ),
  coordinatePair: (missing: string) =>
    both(
      `Thiếu ${missing} khi đã nhập toạ độ còn lại`,
      `${missing} is required when the other coordinate is given`,
    ),
  dateOrder: (later: string, b: string, earlier: string, a: string) =>
    both(
      `${later} (${b}) không được trước ${earlier} (${a})`,
      `${later} (${b}) must not be before ${earlier} (${a})`,
    ),
  vietgapOrder: () =>
    both(
      "certifications.vietgap.valid_until không được trước valid_from",
      "certifications.vietgap.valid_until must not be before valid_from",
    ),
  vietgapExpiredBeforeMade: (until: string, made: string) =>
    both(
      `certifications.vietgap.valid_until (${until}) trước ngày làm ra lô hàng (${made})`,
      `certifications.vietgap.valid_until (${until}) is before the lot was made (${made})`,
    ),
  ocopStarsDiffer: (stars: number | null) =>
    stars
      ? both(
          `certifications.ocop_stars: sổ đăng ký của xã chứng nhận sản phẩm này ${stars} sao`,
          `The commune registry certifies this product with ${stars} stars`,
        )
      : both(
          "certifications.ocop_stars: sổ đăng ký của xã không có chứng nhận OCOP còn hạn cho sản phẩm này",
          "The commune registry has no valid OCOP certificate for this product",
        ),

  quarterFormat: () => both("quarter phải có dạng 2026-Q3", "quarter must look like 2026-Q3"),

  // Events.
  recalledNoEvents: (id: string) =>
    both(
      `Lô ${id} đã bị thu hồi; không nhận thêm sự kiện`,
      `Batch ${id} is recalled; it takes no events`,
    ),
  sealedOnly: (id: string, types: string) =>
    both(
      `Lô ${id} đã niêm phong; chỉ được ghi tiếp các sự kiện ${types}`,
      `Batch ${id} is sealed; only ${types} events may follow`,
    ),

  // Stamps, stamp jobs and their outputs.
  stampNotFound: (serial: string) => both(`Không có tem ${serial}`, `No stamp ${serial}`),
  stampJobNotFound: (id: string) => both(`Không có lệnh in tem ${id}`, `No stamp job ${id}`),
  eventKeyReused: (key: string, seq: number) =>
    both(
      `Khoá Idempotency-Key ${key} đã dùng cho một sự kiện khác của lô này (#${seq}); mỗi mục nhật ký cần một khoá mới`,
      `Idempotency-Key ${key} was already used on this batch for another event (#${seq}); use a new key for each entry`,
    ),
  keyReused: (key: string, count: number) =>
    both(
      `Idempotency-Key ${key} đã dùng cho lô này với yêu cầu khác (${count} tem); hãy dùng khoá mới`,
      `Idempotency-Key ${key} was already used on this batch for another request (${count} stamps); use a new key`,
    ),
  recalledNoStamps: (id: string) =>
    both(
      `Lô ${id} đã bị thu hồi; không cấp thêm tem`,
      `Batch ${id} is recalled; it gets no new stamps`,
    ),
  jobNotDone: (id: string, state: string, issued: number, count: number) =>
    both(
      `Lệnh in tem ${id} đang ở trạng thái ${state} (đã cấp ${issued}/${count}); tệp in có khi lệnh xong`,
      `Stamp job ${id} is ${state} (${issued} of ${count} issued); its outputs come when it is done`,
    ),
  tooWide: (columns: number, width: number, total: number, a4: number) =>
    both(
      `${columns} cột tem rộng ${width} mm cùng lề và khoảng cách chiếm ${total} mm, rộng hơn khổ A4 (${a4} mm)`,
      `${columns} columns of ${width} mm with the margins and gaps take ${total} mm, wider than A4 (${a4} mm)`,
    ),
  tooTall: (rows: number, height: number, total: number, a4: number) =>
    both(
      `${rows} hàng tem cao ${height} mm cùng lề và khoảng cách chiếm ${total} mm, cao hơn khổ A4 (${a4} mm)`,
      `${rows} rows of ${height} mm with the margins and gaps take ${total} mm, taller than A4 (${a4} mm)`,
    ),
  qrTooSmall: (width: number, height: number, side: number, min: number) =>
    both(
      `Tem ${width} x ${height} mm chỉ còn chỗ cho mã QR ${side} mm; cần ít nhất ${min} mm`,
      `a ${width} x ${height} mm label leaves a ${side} mm QR code; it needs at least ${min} mm`,
    ),
  voidEither: () =>
    both(
      "Gửi from_serial và to_serial, hoặc serials, không gửi cả hai",
      "send either from_serial and to_serial, or serials, not both",
    ),
  voidNeither: () =>
    both(
      "Gửi from_serial và to_serial, hoặc một danh sách serials",
      "send from_serial and to_serial, or a list of serials",
    ),
  missing: (field: string) => both(`Thiếu ${field}`, `${field} is missing`),
  notGenuineSerial: (serial: string) =>
    both(`${serial} không phải số sê-ri tem thật`, `${serial} is not a genuine serial`),
  notStampOfBatch: (serial: string, batch: string) =>
    both(`${serial} không phải tem của lô ${batch}`, `${serial} is not a stamp of batch ${batch}`),
  voidRangeOrder: (toSeq: number, fromSeq: number) =>
    both(
      `to_serial (số thứ tự ${toSeq}) đứng trước from_serial (số thứ tự ${fromSeq})`,
      `to_serial (issue number ${toSeq}) comes before from_serial (issue number ${fromSeq})`,
    ),

  // Scans and the resolver.
  scanNotOfStamp: () =>
    both("scan không phải lượt quét của tem này", "scan is not a scan of this stamp"),
  scanNotFound: () => both("Không tìm thấy lượt quét này", "No such scan"),
  locationTooLate: (minutes: number) =>
    both(
      `Vị trí chỉ được ghi trong ${minutes} phút sau khi quét`,
      `A location is taken only within ${minutes} minutes of the scan`,
    ),
  scanHasLocation: () => both("Lượt quét này đã có vị trí", "This scan already has a location"),
  noBatchForProduct: (id: string) =>
    both(`Sản phẩm ${id} chưa có lô hàng nào`, `Product ${id} has no batch yet`),
  noLinkType: (type: string) => both(`Không có liên kết loại ${type}`, `No link type ${type}`),
  noLink: (type: string) =>
    both(`Không có liên kết ${type} cho mã này`, `No ${type} link for this code`),
  unknownGtin: (gtin: string) =>
    both(`Không có sản phẩm mang mã GTIN ${gtin}`, `No product with GTIN ${gtin}`),
  gtinOnlyDigits: (input: string) =>
    both(`GTIN "${input}" chỉ được gồm chữ số`, `GTIN "${input}" must contain only digits`),
  lotEmpty: () => both("Mã lô không được để trống", "lot code must not be empty"),
  lotTooLong: (max: number) =>
    both(`Mã lô tối đa ${max} ký tự`, `lot code must be at most ${max} characters`),
  lotCharset: () =>
    both(
      "Mã lô chỉ được dùng chữ A-Z a-z, chữ số và !\"%&'()*+,-./:;<=>?_ (không dấu, không khoảng trắng)",
      "lot code may only use letters A-Z a-z, digits and !\"%&'()*+,-./:;<=>?_",
    ),
  linkTooLong: (field: string, max: number) =>
    both(`${field}: tối đa ${max} ký tự`, `${field} must be at most ${max} characters`),
  gtinDigits: (input: string) =>
    both(
      `GTIN "${input}" phải có 8, 12, 13 hoặc 14 chữ số`,
      `GTIN "${input}" must have 8, 12, 13 or 14 digits`,
    ),
  gtinCheckDigit: (input: string, expected: number) =>
    both(
      `GTIN "${input}" sai chữ số kiểm tra (đúng phải là ${expected})`,
      `GTIN "${input}" has a wrong check digit (expected ${expected})`,
    ),
  linkEmpty: (field: string) => both(`${field} không được để trống`, `${field} must not be empty`),
  linkCharset: (field: string) =>
    both(
      `${field} có ký tự nằm ngoài bộ ký tự GS1`,
      `${field} has characters outside GS1's character set`,
    ),
  linkPercent: (field: string) =>
    both(`${field} mã hoá phần trăm sai`, `${field} has a malformed percent-encoding`),
  shortUri: () =>
    both("Đường dẫn tem rút gọn có dạng /s/{serial}", "a short stamp URI is /s/{serial}"),
  serialInvalid: () => both("serial không hợp lệ", "serial is not valid"),
  digitalLinkStart: () =>
    both("Digital Link bắt đầu bằng /01/{gtin}", "a Digital Link starts with /01/{gtin}"),
  digitalLinkPairs: () =>
    both(
      "Digital Link là chuỗi các cặp /{AI}/{giá trị}",
      "a Digital Link is a sequence of /{AI}/{value} pairs",
    ),
  notQualifier: (ai: string) =>
    both(`AI ${ai} không phải mã bổ sung của GTIN`, `AI ${ai} is not a key qualifier of a GTIN`),
  qualifierOrder: () =>
    both(
      "Các mã bổ sung phải theo thứ tự 22, 10, 21, mỗi mã tối đa một lần",
      "key qualifiers must come in the order 22, 10, 21, each at most once",
    ),
} satisfies Record<string, (...args: never[]) => Text>

const STATE_VI: Record<string, string> = {
  open: "mở",
  sealed: "niêm phong",
  recalled: "bị thu hồi",
}
const stateVi = (state: string) => STATE_VI[state] ?? state

/** The reasons the zod schemas give (English, after the field's name), in Vietnamese. */
const REASONS_VI: Record<string, string> = {
  "has an offset beyond ±14:00": "có độ lệch múi giờ vượt quá ±14:00",
  "is not a known field": "không phải là trường được chấp nhận",
  "is not one of the known types": "không thuộc loại nào được chấp nhận",
  "is required": "là bắt buộc",
  "is required: say why the stamps are voided": "là bắt buộc: hãy ghi lý do huỷ tem",
  "is required: send an Idempotency-Key header, new for each print run":
    "là bắt buộc: gửi tiêu đề Idempotency-Key, mới cho mỗi lần in",
  "is too large": "quá lớn",
  "is too long": "quá dài",
  "must be -180..180": "phải trong khoảng -180..180",
  "must be -90..90": "phải trong khoảng -90..90",
  "must be 0 or more": "phải từ 0 trở lên",
  "must be 3, 4 or 5": "phải là 3, 4 hoặc 5",
  "must be a UUID": "phải là một UUID",
  "must be a date like 2025-10-01": "phải là ngày dạng 2025-10-01",
  "must be a number": "phải là một số",
  "must be a serial": "phải là số sê-ri tem",
  "must be a whole number": "phải là số nguyên",
  "must be an RFC 3339 time with an offset, like 2025-10-01T08:00:00+07:00":
    "phải là thời điểm RFC 3339 có múi giờ, ví dụ 2025-10-01T08:00:00+07:00",
  "must be an http(s) URL": "phải là địa chỉ http(s)",
  "must be greater than 0": "phải lớn hơn 0",
  "must be true or false": "phải là true hoặc false",
  "must be well-formed Unicode": "phải là Unicode hợp lệ",
  "must list at least one serial": "phải có ít nhất một số sê-ri",
  "must not be empty": "không được để trống",
  "must not be in the future": "không được ở tương lai",
  "must not contain control characters": "không được chứa ký tự điều khiển",
  "needs both lat and lng, or neither": "cần cả lat và lng, hoặc không có cả hai",
}

const REASON_PATTERNS: [RegExp, (...groups: string[]) => string][] = [
  [/^must be at most (\d+) characters$/, (n) => `tối đa ${n} ký tự`],
  [/^must be at least (\d+)$/, (n) => `phải từ ${n} trở lên`],
  [/^must be at most (\d+)$/, (n) => `không được lớn hơn ${n}`],
  [/^must list at most (\d+) serials$/, (n) => `tối đa ${n} số sê-ri`],
]

/** `field` + a schema's English reason, in both languages (Vietnamese generic when unknown). */
export function reasonText(field: string, reason: string): Text {
  const en = field ? `${field} ${reason}` : reason
  let vi = REASONS_VI[reason]
  if (vi === undefined) {
    for (const [pattern, say] of REASON_PATTERNS) {
      const match = pattern.exec(reason)
      if (match) {
        vi = say(...match.slice(1))
        break
      }
    }
  }
  if (vi === undefined) return { vi: `${field || "Nội dung"} không hợp lệ (${reason})`, en }
  return { vi: field ? `${field} ${vi}` : vi, en }
}
