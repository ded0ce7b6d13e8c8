import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"

const registered = authenticate("helper", ["bearer", "session"])
const unbound = authenticate("helper", ["bearer"], { allowUnregistered: true })

/** Every /helper route needs a helper login; sign-up needs only the registered identity. */
function helperGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.path.replace(/\/$/, "") === "/helper/sign-up") return unbound(req, res, next)
  return registered(req, res, next)
}

export const helperRoutes: MiddlewareRoute[] = [{ matcher: "/helper*", middlewares: [helperGuard] }]
