// The load balancer's health check (scripts/lib/cluster.mjs, deploy/haproxy.cfg): this instance
// answers. Nothing is read from the backend, so a slow backend does not take every storefront out.
export const dynamic = "force-dynamic"

export function GET() {
  return Response.json({ status: "ok" })
}
