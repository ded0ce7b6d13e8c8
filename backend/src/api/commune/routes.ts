import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { loadCommuneAccess, requireCommuneOfficer } from "../utils/access"

const officer = authenticate(["commune_officer", "province_officer"], ["bearer", "session"])

/** Every /commune route needs an officer; writes need a commune officer (province officers read). */
function communeGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  return officer(req, res, (error?: unknown) => {
    if (error) return next(error)
    loadCommuneAccess(req, res, (error?: unknown) => {
      if (error || req.method === "GET" || req.method === "HEAD") return next(error)
      requireCommuneOfficer(req, res, next)
    }).catch(next)
  })
}

export const communeRoutes: MiddlewareRoute[] = [
  { matcher: "/commune*", middlewares: [communeGuard] },
]
