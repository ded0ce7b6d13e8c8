/**
 * The commune tests' scenario on top of registry-fixtures: in Gia Phú an approved seller with
 * four products (in stock, out of stock, draft, unpriced) and a pending seller with one; an
 * approved seller in Xuân Quang (same province) and one in another province; an officer for
 * each of the two communes and one for the province, each logged in.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createOfficer,
  createProducts,
  createSeller,
  GIA_PHU,
  OTHER_PROVINCE_COMMUNE,
  setUpStore,
  XUAN_QUANG,
} from "./registry-fixtures"

type Headers = Record<string, string>
type Api = Parameters<typeof createOfficer>[1]

export async function setUpCommuneScenario(container: MedusaContainer, api: Api) {
  const store = await setUpStore(container)
  const approved = await createSeller(container, {
    handle: "htx-gia-phu",
    name: "HTX Gia Phú",
    commune_code: GIA_PHU,
    state: "approved",
  })
  const pending = await createSeller(container, {
    handle: "htx-moi",
    name: "HTX Mới",
    commune_code: GIA_PHU,
    state: "pending",
  })
  const xq = await createSeller(container, {
    handle: "htx-xuan-quang",
    name: "HTX Xuân Quang",
    commune_code: XUAN_QUANG,
    state: "approved",
  })
  const far = await createSeller(container, {
    handle: "htx-ha-noi",
    name: "HTX Hà Nội",
    commune_code: OTHER_PROVINCE_COMMUNE,
    state: "approved",
  })
  const sellers = { approved, pending, xq, far }
  const products: Record<string, string> = {
    ...(await createProducts(
      container,
      approved,
      [
        { handle: "gao" },
        { handle: "che", stock: 0 },
        { handle: "mat-ong", status: "draft" },
        { handle: "mien", price: null },
      ],
      store.channelId,
    )),
    ...(await createProducts(container, pending, [{ handle: "rau" }], store.channelId)),
    ...(await createProducts(container, xq, [{ handle: "xq-1" }], store.channelId)),
  }
  const gp = await createOfficer(container, api, {
    email: "canbo@giaphu.test",
    level: "commune",
    commune_code: GIA_PHU,
    province_code: "15",
  })
  const xuanQuang: Headers = (
    await createOfficer(container, api, {
      email: "canbo@xuanquang.test",
      level: "commune",
      commune_code: XUAN_QUANG,
      province_code: "15",
    })
  ).headers
  const province: Headers = (
    await createOfficer(container, api, {
      email: "canbo@laocai.test",
      level: "province",
      province_code: "15",
    })
  ).headers
  return {
    storeHeaders: store.storeHeaders,
    giaPhu: gp.headers as Headers,
    officerId: gp.officer.id,
    xuanQuang,
    province,
    sellers,
    products,
  }
}

export type CommuneScenario = Awaited<ReturnType<typeof setUpCommuneScenario>>

/** A valid registry entry for Gia Phú's approved seller and its rice, with overrides. */
export function entryBody(scenario: CommuneScenario, overrides: Record<string, unknown> = {}) {
  return {
    seller_id: scenario.sellers.approved.id,
    product_id: scenario.products.gao,
    product_name: "Gạo Séng Cù Gia Phú",
    group: "food",
    stars: 3,
    certificate_number: "15/2024/OCOP-GP",
    decision_number: "QĐ 1234/QĐ-UBND",
    issuing_level: "province",
    issued_on: "2024-03-15",
    ...overrides,
  }
}
