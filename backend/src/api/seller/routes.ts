import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
} from "@medusajs/framework/http"
import multer from "multer"
import { fullPath, loadSellerAccess, requireOwner } from "../utils/access"

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

// Photos from a phone camera: up to 10 files of at most 10 MB each, kept in memory for the file module.
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 10 * 1024 * 1024 } })

export const sellerRoutes: MiddlewareRoute[] = [
  { matcher: "/seller*", middlewares: [sellerGuard] },
  { matcher: "/seller/members*", middlewares: [requireOwner] },
  { matcher: "/seller/invites", method: ["POST"], middlewares: [requireOwner] },
  { matcher: "/seller/helpers*", middlewares: [requireOwner] },
  {
    matcher: "/seller/uploads",
    method: ["POST"],
    middlewares: [upload.array("files", 10)],
  },
]
