// The demo accounts the seed creates, printed by `npm start` and listed in the README.
const password = process.env.DEMO_PASSWORD ?? "giaphu-demo"

// Sellers and helpers sign in to the storefront's seller portal, officers to the commune portal
// (choosing their role on the sign-in page); the same logins work on the API.
const portal = (path) => (urls) => `${urls.storefront}/vi/${path}`

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
    where: portal("seller"),
  },
  {
    role: "Commune officer (Gia Phú)",
    email: "canbo@giaphu.example",
    password,
    where: portal("commune"),
  },
  {
    role: "Province officer (Lào Cai)",
    email: "canbo.tinh@laocai.example",
    password,
    where: portal("commune"),
  },
  {
    role: "Community tech helper (for Hộ kinh doanh Lò Văn Sinh)",
    email: "hotro.phuxuan@giaphu.example",
    password,
    where: portal("seller"),
  },
]
