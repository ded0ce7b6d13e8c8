// The demo accounts the seed creates, printed by `npm start` and listed in the README.
const password = process.env.DEMO_PASSWORD ?? "giaphu-demo"

export const DEMO_LOGINS = [
  {
    role: "Operator",
    email: "admin@giaphu.example",
    password,
    where: (urls) => `${urls.backend}/app`,
  },
]
