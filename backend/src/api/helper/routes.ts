import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { fullPath } from "../utils/access"

const registered = authenticate("helper", ["bearer", "session"])
const unbound = authenticate("helper", ["bearer"], { allowUnregistered: true })

/** Every /helper route needs a helper login; sign-up needs only the registered identity. */
function helperGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (fullPath(req) === "/helper/sign-up") return unbound(req, res, next)
  return registered(req, res, next)
}

export const helperRoutes: MiddlewareRoute[] = [{ matcher: "/helper*", middlewares: [helperGuard] }]
