import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fakeProduct, GIA_PHU_SELLER, OTHER_SELLER } from "./fake-backend.js"
import { client, type Json, type Service, startService, tokens } from "./harness.js"

// Issue 19: every refusal in Vietnamese by default and in English when the client asks, with the
// same error code and field in both; the message names the field.
let service: Service
let call: ReturnType<typeof client>
let t: Awaited<ReturnType<typeof tokens>>

const RICE = fakeProduct({ id: "prod_gao_i18n" })
const EN = "en-US,en;q=0.9"

/** The same request in the default language and in English: both answers. */
async function both(
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ vi: { status: number; body: Json }; en: { status: number; body: Json } }> {
  const vi = await call(method, path, options)
  const en = await call(method, path, { ...options, language: EN })
  // The language changes the words only.
  expect(en.status).toBe(vi.status)
  expect(en.body.error).toBe(vi.body.error)
  expect(en.body.field).toBe(vi.body.field)
  return { vi, en }
}

beforeAll(async () => {
  service = await startService([RICE])
  call = client(service.base)
  t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
})

afterAll(async () => {
  await service?.close()
})

describe("refusals in Vietnamese or English", () => {
  it("names the field of a JSON Schema failure (query string)", async () => {
    const { vi, en } = await both("GET", "/stats?commune_code=abc", { token: t.operator })
    expect(vi.status).toBe(400)
    expect(vi.body).toEqual({
      error: "invalid_request",
      field: "commune_code",
      message: "commune_code không đúng định dạng",
    })
    expect(en.body.message).toBe("commune_code is not in the expected format")
  })

  it("names the field of a zod failure, missing or wrong", async () => {
    const body = { product_id: RICE.id, lot_code: "I18N-1", quantity: -3, unit: "kg" }
    const wrong = await both("POST", "/batches", { token: t.member, body })
    expect(wrong.vi.status).toBe(400)
    expect(wrong.vi.body.field).toBe("quantity")
    expect(wrong.vi.body.message).toBe("quantity phải lớn hơn 0")
    expect(wrong.en.body.message).toBe("quantity must be greater than 0")

    const { lot_code: _, ...noLot } = body
    const missing = await both("POST", "/batches", { token: t.member, body: noLot })
    expect(missing.vi.body.field).toBe("lot_code")
    expect(missing.vi.body.message).toBe("lot_code là bắt buộc")
    expect(missing.en.body.message).toBe("lot_code is required")

    const badLot = { ...body, quantity: 1, lot_code: "LÔ 1" }
    const lot = await both("POST", "/batches", { token: t.member, body: badLot })
    expect(lot.vi.body.field).toBe("lot_code")
    expect(lot.vi.body.message).toMatch(/^lot_code: Mã lô chỉ được dùng chữ/)
    expect(lot.en.body.message).toMatch(/^lot_code lot code may only use letters/)
    const { rows } = await service.pool.query("SELECT count(*)::int AS n FROM batch")
    expect(rows[0].n).toBe(0)
  })

  it("says a domain refusal in the language asked for", async () => {
    const created = await call("POST", "/batches", {
      token: t.member,
      body: { product_id: RICE.id, lot_code: "I18N-SEAL", quantity: 5, unit: "kg" },
    })
    expect(created.status).toBe(201)
    const id = created.body.id as string
    expect((await call("POST", `/batches/${id}/seal`, { token: t.member })).status).toBe(200)
    const { vi, en } = await both("PATCH", `/batches/${id}`, {
      token: t.member,
      body: { state: "open" },
    })
    expect(vi.status).toBe(409)
    expect(vi.body.error).toBe("conflict")
    expect(vi.body.message).toBe(`Lô ${id}: lô đã niêm phong không thể mở lại`)
    expect(en.body.message).toBe(`Batch ${id}: a sealed batch cannot be opened again`)

    const duplicate = await both("POST", "/batches", {
      token: t.member,
      body: { product_id: RICE.id, lot_code: "I18N-SEAL", quantity: 5, unit: "kg" },
    })
    expect(duplicate.vi.status).toBe(409)
    expect(duplicate.vi.body.message).toBe(`Sản phẩm ${RICE.id} đã có lô mang mã I18N-SEAL`)
    expect(duplicate.en.body.message).toBe(
      `Product ${RICE.id} already has a batch with lot code I18N-SEAL`,
    )
  })

  it("answers not-found for a batch and for a route", async () => {
    const id = "00000000-0000-4000-8000-000000000000"
    const batch = await both("GET", `/batches/${id}`, { token: t.member })
    expect(batch.vi.status).toBe(404)
    expect(batch.vi.body).toEqual({ error: "not_found", message: `Không có lô hàng ${id}` })
    expect(batch.en.body.message).toBe(`No batch ${id}`)

    const route = await both("GET", "/no-such-route")
    expect(route.vi.status).toBe(404)
    expect(route.vi.body.message).toBe("Không có đường dẫn GET /no-such-route")
    expect(route.en.body.message).toBe("No route GET /no-such-route")
  })

  it("refuses a missing token and hostile input in either language", async () => {
    const anonymous = await both("GET", "/batches")
    expect(anonymous.vi.status).toBe(401)
    expect(anonymous.vi.body.message).toMatch(/^Cần gửi Authorization/)
    expect(anonymous.en.body.message).toBe("Send Authorization: Bearer <token>")

    const guard = await both("GET", "/products/x%00y/provenance")
    expect(guard.vi.status).toBe(400)
    expect(guard.vi.body).toEqual({
      error: "invalid_request",
      field: "url",
      message: 'Trường "url" chứa ký tự không hợp lệ (NUL)',
    })
    expect(guard.en.body.message).toBe('The field "url" contains an invalid character (NUL)')
  })

  it("follows the preference order of Accept-Language, Vietnamese when neither is asked", async () => {
    const ask = async (language: string) =>
      (await call("GET", "/no-such-route", { language })).body.message as string
    expect(await ask("en;q=0.5, vi")).toMatch(/^Không có/)
    expect(await ask("fr-FR, en;q=0.8, vi;q=0.5")).toMatch(/^No route/)
    expect(await ask("fr-FR")).toMatch(/^Không có/)
    expect(await ask("vi-VN,vi;q=0.9,en;q=0.8")).toMatch(/^Không có/)
  })

  it("refuses a malformed JSON body in Vietnamese", async () => {
    const response = await fetch(`${service.base}/batches`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${t.member}` },
      body: "{not json",
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as Json
    expect(body.message).toBe("Nội dung gửi lên không phải JSON hợp lệ")
  })
})
