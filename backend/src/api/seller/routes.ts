import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import { fullPath, loadSellerAccess, requireOwner } from "../utils/access"
import { checkUploadAllowance, receiveUploads } from "./uploads/middlewares"

// Sign-up and accepting an invitation come before the login is bound to a seller.
const UNBOUND = new Set(["/seller/sign-up", "/seller/invites/accept"])

const member = authenticate(["seller_member", "helper"], ["bearer", "session"])
const unbound = authenticate("seller_member", ["bearer"], { allowUnregistered: true })

/** Every /seller route is authenticated and scoped to one seller, whatever its own file declares. */
function sellerGuard(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (UNBOUND.has(fullPath(req))) return unbound(req, res, next)
  return member(req, res, (error?: unknown) => {
    if (error) return next(error)
    loadSellerAccess(req, res, next).catch(next)
  })
}

export const sellerRoutes: MiddlewareRoute[] = [
  { matcher: "/seller*", middlewares: [sellerGuard] },
  { matcher: "/seller/members*", middlewares: [requireOwner] },
  { matcher: "/seller/invites", method: ["POST"], middlewares: [requireOwner] },
  { matcher: "/seller/helpers*", middlewares: [requireOwner] },
  { matcher: "/seller/notification-settings", middlewares: [requireOwner] },
  {
    matcher: "/seller/uploads",
    method: ["POST"],
    middlewares: [checkUploadAllowance, receiveUploads],
  },
]
