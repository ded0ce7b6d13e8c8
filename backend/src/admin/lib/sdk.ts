import Medusa from "@medusajs/js-sdk"

// The dashboard is served by the backend itself (/app), so "/" reaches the API with the admin's
// session cookie.
export const sdk = new Medusa({ baseUrl: "/", auth: { type: "session" } })
