// The demo accounts the seed creates, printed by `npm start` and listed in the README.
const password = process.env.DEMO_PASSWORD ?? "giaphu-demo"

// Until the portals exist, seller, helper and officer logins are used through the API: sign in
// with POST {backend}/auth/{actor type}/emailpass and send the token as a Bearer header.
const api = (actor) => (urls) => `${urls.backend}/auth/${actor}/emailpass (API)`

export const DEMO_LOGINS = [
  {
    role: "Operator",
    email: "admin@giaphu.example",
    password,
    where: (urls) => `${urls.backend}/app`,
  },
  {
    role: "Seller owner (HTX Nông nghiệp Gia Phú)",
    email: "htx-nong-nghiep-gia-phu@giaphu.example",
    password,
    where: api("seller_member"),
  },
  {
    role: "Commune officer (Gia Phú)",
    email: "canbo@giaphu.example",
    password,
    where: api("commune_officer"),
  },
  {
    role: "Province officer (Lào Cai)",
    email: "canbo.tinh@laocai.example",
    password,
    where: api("province_officer"),
  },
  {
    role: "Community tech helper (for Hộ kinh doanh Lò Văn Sinh)",
    email: "hotro.phuxuan@giaphu.example",
    password,
    where: api("helper"),
  },
]
