import { type ListingFacts, listingState } from "../ocop-online"

const CHANNEL = "sc_store"
const LOCATION = "sloc_seller"

const level = (stocked: number, reserved = 0, location_id = LOCATION) => ({
  location_id,
  stocked_quantity: stocked,
  reserved_quantity: reserved,
})

function listing(overrides: Partial<ListingFacts> = {}): ListingFacts {
  return {
    id: "prod_1",
    handle: "gao",
    title: "Gạo",
    status: "published",
    sales_channels: [{ id: CHANNEL }],
    seller: { stock_location: { id: LOCATION } },
    variants: [
      {
        manage_inventory: true,
        prices: [{ currency_code: "vnd", price_list_id: null }],
        inventory_items: [{ required_quantity: 1, inventory: { location_levels: [level(5)] } }],
      },
    ],
    ...overrides,
  }
}

const variant = (v: NonNullable<ListingFacts["variants"]>[number]) => ({ variants: [v] })

describe("whether a listing is online", () => {
  it("is online when published, in the channel, priced in dong and in stock", () => {
    expect(listingState(listing(), CHANNEL)).toMatchObject({
      product_id: "prod_1",
      handle: "gao",
      online: true,
      offline_reasons: [],
    })
  })

  it("names every reason a listing is offline", () => {
    const state = listingState(
      listing({ status: "draft", sales_channels: [], variants: [] }),
      CHANNEL,
    )
    expect(state.online).toBe(false)
    expect(state.offline_reasons).toEqual([
      "not_published",
      "not_in_sales_channel",
      "no_vnd_price",
      "out_of_stock",
    ])
    expect(listingState(listing(), null).offline_reasons).toEqual(["not_in_sales_channel"])
  })

  it("needs a base price in dong, not another currency or a price list's price", () => {
    const priced = (prices: { currency_code: string; price_list_id?: string | null }[]) =>
      listingState(listing(variant({ manage_inventory: false, prices })), CHANNEL).offline_reasons
    expect(priced([{ currency_code: "usd" }])).toEqual(["no_vnd_price"])
    expect(priced([{ currency_code: "vnd", price_list_id: "plist_sale" }])).toEqual([
      "no_vnd_price",
    ])
    expect(priced([{ currency_code: "vnd" }])).toEqual([])
  })

  it("counts only stock at the seller's own location, net of reservations", () => {
    const stock = (...levels: ReturnType<typeof level>[]) =>
      listingState(
        listing(
          variant({
            prices: [{ currency_code: "vnd" }],
            inventory_items: [{ required_quantity: 1, inventory: { location_levels: levels } }],
          }),
        ),
        CHANNEL,
      ).online
    expect(stock(level(3))).toBe(true)
    expect(stock(level(3, 3))).toBe(false)
    expect(stock(level(0), level(50, 0, "sloc_elsewhere"))).toBe(false)
    expect(stock()).toBe(false)
  })

  it("needs every item of a bundle and honours untracked stock", () => {
    const bundle = listing(
      variant({
        prices: [{ currency_code: "vnd" }],
        inventory_items: [
          { required_quantity: 2, inventory: { location_levels: [level(1)] } },
          { required_quantity: 1, inventory: { location_levels: [level(9)] } },
        ],
      }),
    )
    expect(listingState(bundle, CHANNEL).offline_reasons).toEqual(["out_of_stock"])
    const untracked = listing(
      variant({ manage_inventory: false, prices: [{ currency_code: "vnd" }], inventory_items: [] }),
    )
    expect(listingState(untracked, CHANNEL).online).toBe(true)
  })

  it("needs the variant in stock to be one that has a price", () => {
    const split = listing({
      variants: [
        { manage_inventory: false, prices: [] },
        {
          manage_inventory: true,
          prices: [{ currency_code: "vnd" }],
          inventory_items: [{ required_quantity: 1, inventory: { location_levels: [level(0)] } }],
        },
      ],
    })
    expect(listingState(split, CHANNEL).offline_reasons).toEqual(["out_of_stock"])
  })
})
