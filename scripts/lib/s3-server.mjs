#!/usr/bin/env node
// An S3-compatible store for `npm run start:cluster` and its tests (npm `s3rver`): one bucket,
// files in a folder, the fixed development credentials S3RVER / S3RVER. A stand-in for MinIO
// (docker-compose), never for production. Usage: node s3-server.mjs <port> <directory> <bucket>
import { mkdirSync } from "node:fs"
import S3rver from "s3rver"

const [port, directory, bucket] = process.argv.slice(2)
mkdirSync(directory, { recursive: true })
const server = new S3rver({
  address: "127.0.0.1",
  port: Number(port),
  directory,
  silent: true,
  // Path-style addresses only (http://127.0.0.1:port/bucket/key), like MinIO's default.
  vhostBuckets: false,
  configureBuckets: [{ name: bucket }],
})
await server.run()
console.log(`S3 stand-in on http://127.0.0.1:${port}, bucket ${bucket}, files in ${directory}`)
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await server.close()
    process.exit(0)
  })
}
