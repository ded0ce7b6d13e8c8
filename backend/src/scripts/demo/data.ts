/**
 * Demo data for the pilot commune Gia Phú (Lào Cai), from the two articles on its digital economy
 * programme that the project started from (their figures, not their words):
 * 14 villages, 6 cooperatives (HTX), 126 business households, 9 three-star OCOP products,
 * all 9 on e-commerce; main products rice, vegetables/roots/fruit and livestock.
 *
 * The articles name only one village (thôn Phú Xuân) and none of the cooperatives or their
 * products. Every other village, cooperative, household and product name below is INVENTED
 * to be plausible for the commune; prices are invented too (whole dong, VND).
 */

export const PROVINCE = { code: "15", name: "Tỉnh Lào Cai" }

export const COMMUNE = {
  // Official unit codes are the keys of admin units: Gia Phú's in the list in force since
  // 1 July 2025 (src/modules/admin-unit/data/communes.csv).
  code: "02923",
  name: "Xã Gia Phú",
  province_code: PROVINCE.code,
  former_district: "Huyện Bảo Thắng",
}

export const VILLAGES = [
  "Phú Xuân", // named in the source article
  "Phú Hải",
  "Phú Lâm",
  "Phú Thịnh",
  "Phú Hà",
  "Phú Cường",
  "Phú Hợp",
  "Phú Nhuận",
  "Phú Long",
  "Phú Thành",
  "Phú Vinh",
  "Phú An",
  "Cóc",
  "Khe Lắc",
]

export type SellerKind = "cooperative" | "household"

export type DemoSeller = {
  handle: string
  name: string
  kind: SellerKind
  village: string
  phone: string
}

export const SELLERS: DemoSeller[] = [
  {
    handle: "htx-nong-nghiep-gia-phu",
    name: "HTX Nông nghiệp Gia Phú",
    kind: "cooperative",
    village: "Phú Xuân",
    phone: "0214 3860 101",
  },
  {
    handle: "htx-lua-gao-phu-lam",
    name: "HTX Lúa gạo Phú Lâm",
    kind: "cooperative",
    village: "Phú Lâm",
    phone: "0214 3860 102",
  },
  {
    handle: "htx-rau-qua-sach-phu-thinh",
    name: "HTX Rau quả sạch Phú Thịnh",
    kind: "cooperative",
    village: "Phú Thịnh",
    phone: "0214 3860 103",
  },
  {
    handle: "htx-cay-an-qua-phu-ha",
    name: "HTX Cây ăn quả Phú Hà",
    kind: "cooperative",
    village: "Phú Hà",
    phone: "0214 3860 104",
  },
  {
    handle: "htx-chan-nuoi-phu-cuong",
    name: "HTX Chăn nuôi Phú Cường",
    kind: "cooperative",
    village: "Phú Cường",
    phone: "0214 3860 105",
  },
  {
    handle: "htx-dich-vu-tong-hop-khe-lac",
    name: "HTX Dịch vụ Tổng hợp Khe Lắc",
    kind: "cooperative",
    village: "Khe Lắc",
    phone: "0214 3860 106",
  },
  {
    handle: "hkd-nguyen-thi-lan",
    name: "Hộ kinh doanh Nguyễn Thị Lan",
    kind: "household",
    village: "Phú Hợp",
    phone: "0912 345 671",
  },
  {
    handle: "hkd-lo-van-sinh",
    name: "Hộ kinh doanh Lò Văn Sinh",
    kind: "household",
    village: "Cóc",
    phone: "0912 345 672",
  },
  {
    handle: "hkd-tran-van-hoa",
    name: "Hộ kinh doanh Trần Văn Hòa",
    kind: "household",
    village: "Phú Nhuận",
    phone: "0912 345 673",
  },
]

export type CategoryHandle = "gao" | "rau-cu-qua" | "san-pham-chan-nuoi" | "dac-san-che-bien"

export const CATEGORIES: { handle: CategoryHandle; name: string; name_en: string }[] = [
  { handle: "gao", name: "Gạo", name_en: "Rice" },
  { handle: "rau-cu-qua", name: "Rau, củ, quả", name_en: "Vegetables and fruit" },
  { handle: "san-pham-chan-nuoi", name: "Sản phẩm chăn nuôi", name_en: "Livestock products" },
  { handle: "dac-san-che-bien", name: "Đặc sản chế biến", name_en: "Processed specialties" },
]

export type DemoProduct = {
  handle: string
  title: string
  description: string
  /** The seller's English texts; "rau-ngot-phu-nhuan" has none, so /en shows its Vietnamese. */
  en?: { title: string; description: string }
  category: CategoryHandle
  seller: string
  /** Whole dong. */
  price: number
  stock: number
  weight_grams: number
  /** Three-star OCOP certified (the source: 9 three-star products in Gia Phú). */
  ocop_stars?: 3
  /**
   * The pack's GTIN-13 (the variant's EAN), so its stamps are GS1 Digital Links. FICTIONAL:
   * GS1 Vietnam's prefix 893 with invented company prefixes (one per seller) and valid check
   * digits; no real barcode. Loose produce sold by the bunch has none and keeps short stamps.
   */
  gtin?: string
  /** Priced per kg and weighed at packing (src/lib/sold-by-weight.ts); `price` is one unit at its estimated weight. */
  sold_by_weight?: {
    unit: "piece" | "step"
    price_per_kg: number
    grams: number
    tolerance_pct: number
  }
}

export const PRODUCTS: DemoProduct[] = [
  {
    handle: "gao-seng-cu-gia-phu-5kg",
    title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
    description:
      "Gạo Séng Cù trồng trên ruộng bậc thang thôn Phú Xuân, hạt thon dài, cơm dẻo và thơm.",
    en: {
      title: "Gia Phú Séng Cù rice (5 kg bag)",
      description:
        "Séng Cù rice grown on the terraced fields of Phú Xuân village: long, slender grains that cook soft and fragrant.",
    },
    category: "gao",
    seller: "htx-nong-nghiep-gia-phu",
    price: 185000,
    stock: 120,
    weight_grams: 5000,
    gtin: "8936071450012",
    ocop_stars: 3,
  },
  {
    handle: "gao-nep-nuong-gia-phu-2kg",
    title: "Gạo nếp nương Gia Phú (túi 2 kg)",
    description: "Nếp nương hạt tròn, dẻo thơm, dùng đồ xôi và làm bánh ngày Tết.",
    en: {
      title: "Gia Phú upland sticky rice (2 kg bag)",
      description:
        "Round-grained upland glutinous rice, soft and fragrant, for steamed sticky rice and Tết cakes.",
    },
    category: "gao",
    seller: "htx-nong-nghiep-gia-phu",
    price: 98000,
    stock: 80,
    weight_grams: 2000,
    gtin: "8936071450029",
    ocop_stars: 3,
  },
  {
    handle: "gao-lut-phu-lam-2kg",
    title: "Gạo lứt đỏ Phú Lâm (túi 2 kg)",
    description: "Gạo lứt đỏ xay dối giữ lớp cám, canh tác theo VietGAP.",
    en: {
      title: "Phú Lâm red brown rice (2 kg bag)",
      description: "Red brown rice, lightly milled to keep its bran, grown to VietGAP.",
    },
    category: "gao",
    seller: "htx-lua-gao-phu-lam",
    price: 90000,
    stock: 60,
    weight_grams: 2000,
    gtin: "8936071520012",
    ocop_stars: 3,
  },
  {
    // Sold before the harvest: no stock on hand. `npm start` opens its pre-order window on a
    // planned traceability batch (scripts/lib/demo-preorder.mjs); until then it is sold out.
    handle: "gao-moi-vu-mua-phu-lam-5kg",
    title: "Gạo mới vụ mùa Phú Lâm (túi 5 kg)",
    description:
      "Gạo tẻ thơm vụ mùa thôn Phú Lâm, đặt trước khi gặt: xay ngay sau thu hoạch, giao tận nhà.",
    en: {
      title: "Phú Lâm new-season rice (5 kg bag)",
      description:
        "Fragrant rice of Phú Lâm's main season, ordered before the harvest: milled right after it and delivered.",
    },
    category: "gao",
    seller: "htx-lua-gao-phu-lam",
    price: 175000,
    stock: 0,
    weight_grams: 5000,
  },
  {
    handle: "rau-cai-meo-phu-thinh",
    title: "Rau cải mèo Phú Thịnh (bó 500 g)",
    description: "Cải mèo trồng xen ruộng bậc thang, vị đắng nhẹ, hái trong ngày.",
    en: {
      title: "Phú Thịnh Hmong mustard greens (500 g bunch)",
      description:
        "Mustard greens grown between the terraced fields, slightly bitter, picked the same day.",
    },
    category: "rau-cu-qua",
    seller: "htx-rau-qua-sach-phu-thinh",
    price: 25000,
    stock: 200,
    weight_grams: 500,
    ocop_stars: 3,
  },
  {
    handle: "khoai-so-phu-thinh-3kg",
    title: "Khoai sọ Phú Thịnh (túi 3 kg)",
    description: "Khoai sọ bở, thơm, trồng trên đất đồi thôn Phú Thịnh.",
    en: {
      title: "Phú Thịnh taro (3 kg bag)",
      description: "Floury, fragrant taro grown on the hillsides of Phú Thịnh village.",
    },
    category: "rau-cu-qua",
    seller: "htx-rau-qua-sach-phu-thinh",
    price: 75000,
    stock: 90,
    weight_grams: 3000,
    gtin: "8936071630018",
    ocop_stars: 3,
  },
  {
    handle: "chuoi-tieu-hong-phu-ha",
    title: "Chuối tiêu hồng Phú Hà (nải 2 kg)",
    description: "Chuối tiêu hồng chín cây, vỏ mỏng, ngọt đậm.",
    en: {
      title: "Phú Hà pink dwarf bananas (2 kg hand)",
      description: "Tree-ripened pink dwarf bananas with thin skins, richly sweet.",
    },
    category: "rau-cu-qua",
    seller: "htx-cay-an-qua-phu-ha",
    price: 45000,
    stock: 150,
    weight_grams: 2000,
    ocop_stars: 3,
  },
  {
    handle: "thit-lon-ban-gac-bep-500g",
    title: "Thịt lợn bản gác bếp (gói 500 g)",
    description: "Thịt lợn bản nuôi thả, tẩm mắc khén, hun khói trên gác bếp.",
    en: {
      title: "Smoked mountain pork (500 g pack)",
      description:
        "Free-range local pork seasoned with mắc khén pepper and smoked above the kitchen fire.",
    },
    category: "san-pham-chan-nuoi",
    seller: "htx-chan-nuoi-phu-cuong",
    price: 320000,
    stock: 40,
    weight_grams: 500,
    gtin: "8936071840011",
    ocop_stars: 3,
  },
  {
    handle: "trung-ga-doi-phu-cuong-10",
    title: "Trứng gà đồi Phú Cường (hộp 10 quả)",
    description: "Trứng gà ri thả đồi, lòng đỏ đậm.",
    en: {
      title: "Phú Cường hill-farm eggs (box of 10)",
      description: "Eggs from free-range Ri hens on the hills, with deep yellow yolks.",
    },
    category: "san-pham-chan-nuoi",
    seller: "htx-chan-nuoi-phu-cuong",
    price: 45000,
    stock: 100,
    weight_grams: 600,
    gtin: "8936071840028",
    ocop_stars: 3,
  },
  {
    // Sold by the bird, priced per kg: the buyer pays what the bird weighs at packing.
    handle: "ga-doi-tha-vuon-phu-cuong",
    title: "Gà đồi thả vườn Phú Cường (~1,8 kg/con)",
    description:
      "Gà ri thả đồi, nuôi bằng ngô và thóc. Bán theo con, tính tiền theo cân khi đóng gói: 150.000 ₫/kg.",
    en: {
      title: "Phú Cường free-range hill chicken (~1.8 kg each)",
      description:
        "Ri chickens ranging on the hills, fed on maize and paddy. Sold by the bird, charged by its weight at packing: 150,000 VND per kg.",
    },
    category: "san-pham-chan-nuoi",
    seller: "htx-chan-nuoi-phu-cuong",
    price: 270000,
    stock: 30,
    weight_grams: 1800,
    sold_by_weight: { unit: "piece", price_per_kg: 150000, grams: 1800, tolerance_pct: 10 },
  },
  {
    handle: "mien-dong-khe-lac-500g",
    title: "Miến dong Khe Lắc (gói 500 g)",
    description: "Miến làm từ tinh bột dong riềng, phơi nắng tự nhiên, dai và không nát.",
    en: {
      title: "Khe Lắc arrowroot glass noodles (500 g pack)",
      description:
        "Noodles made from canna arrowroot starch, dried in the sun, chewy and unbreakable in the pot.",
    },
    category: "dac-san-che-bien",
    seller: "htx-dich-vu-tong-hop-khe-lac",
    price: 60000,
    stock: 120,
    weight_grams: 500,
    gtin: "8936071960016",
    ocop_stars: 3,
  },
  {
    handle: "mat-ong-rung-phu-hop-500ml",
    title: "Mật ong rừng Phú Hợp (chai 500 ml)",
    description: "Mật ong khai thác từ đàn ong nuôi ven rừng thôn Phú Hợp.",
    en: {
      title: "Phú Hợp forest honey (500 ml bottle)",
      description: "Honey from hives kept at the forest edge of Phú Hợp village.",
    },
    category: "dac-san-che-bien",
    seller: "hkd-nguyen-thi-lan",
    price: 250000,
    stock: 30,
    weight_grams: 700,
    gtin: "8936072070011",
  },
  {
    handle: "mang-kho-coc-300g",
    title: "Măng khô thôn Cóc (gói 300 g)",
    description: "Măng nứa rừng luộc và phơi khô trên gác bếp.",
    en: {
      title: "Cóc village dried bamboo shoots (300 g pack)",
      description: "Wild bamboo shoots, boiled and dried above the kitchen fire.",
    },
    category: "dac-san-che-bien",
    seller: "hkd-lo-van-sinh",
    price: 85000,
    stock: 50,
    weight_grams: 300,
    gtin: "8936072180017",
  },
  {
    handle: "rau-ngot-phu-nhuan",
    title: "Rau ngót Phú Nhuận (bó 300 g)",
    description: "Rau ngót trồng vườn nhà, không phun thuốc.",
    category: "rau-cu-qua",
    seller: "hkd-tran-van-hoa",
    price: 15000,
    stock: 80,
    weight_grams: 300,
  },
]
