import { defineMiddlewares } from "@medusajs/framework/http"
import { adminRoutes } from "./admin/routes"
import { authRoutes } from "./auth/routes"
import { communeRoutes } from "./commune/routes"
import { helperRoutes } from "./helper/routes"
import { hookRoutes } from "./hooks/routes"
import { sellerRoutes } from "./seller/routes"
import { staticRoutes } from "./static/routes"
import { storeRoutes } from "./store/routes"
import { apiErrorHandler } from "./utils/errors"
import { rejectHostileInput } from "./utils/input-guard"

// Each API area declares its own route middlewares (authentication, access, validation) beside
// its routes; this file only puts them together.
export default defineMiddlewares({
  errorHandler: apiErrorHandler,
  routes: [
    // First of all: what no route can store is refused before any route looks at it.
    { matcher: "/", middlewares: [rejectHostileInput] },
    ...authRoutes,
    ...hookRoutes,
    ...sellerRoutes,
    ...helperRoutes,
    ...communeRoutes,
    ...storeRoutes,
    ...adminRoutes,
    ...staticRoutes,
  ],
})
