/**
 * Where uploaded files live. With S3_BUCKET set, in an S3-compatible store (MinIO in
 * docker-compose, the S3 stand-in `npm run start:cluster` starts) through Medusa's `file-s3`
 * provider, so every backend instance reads what any other stored; otherwise on this machine's
 * disk (`file-local`, the default for `npm start`). Either way files are served by the backend at
 * `/static/<key>` (src/api/static) with headers that keep a file from running as a page.
 */
export type S3Settings = {
  bucket: string
  region: string
  endpoint: string | undefined
  accessKeyId: string
  secretAccessKey: string
  forcePathStyle: boolean
  prefix: string
}

export function s3Settings(env: NodeJS.ProcessEnv = process.env): S3Settings | null {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim()
  if (!accessKeyId || !secretAccessKey) {
    throw new Error("S3_BUCKET is set: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set too")
  }
  const endpoint = env.S3_ENDPOINT?.trim() || undefined
  return {
    bucket,
    region: env.S3_REGION?.trim() || "us-east-1",
    endpoint,
    accessKeyId,
    secretAccessKey,
    // MinIO and other self-hosted stores answer on one host name: bucket in the path.
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === "true" : !!endpoint,
    prefix: env.S3_PREFIX?.trim() ?? "",
  }
}

/** The file module's provider for these settings. */
export function fileProvider(backendUrl: string, uploadDir: string, env = process.env) {
  const s3 = s3Settings(env)
  if (!s3) {
    return {
      resolve: "@medusajs/medusa/file-local",
      id: "local",
      options: {
        backend_url: `${backendUrl}/static`,
        upload_dir: uploadDir,
        private_upload_dir: uploadDir,
      },
    }
  }
  return {
    resolve: "@medusajs/medusa/file-s3",
    id: "s3",
    options: {
      // Files are still served by the backend (src/api/static), which reads them from the bucket.
      file_url: `${backendUrl}/static`,
      access_key_id: s3.accessKeyId,
      secret_access_key: s3.secretAccessKey,
      region: s3.region,
      bucket: s3.bucket,
      endpoint: s3.endpoint,
      prefix: s3.prefix,
      // The bucket stays private: only the backend reads it.
      acl: false,
      additional_client_config: { forcePathStyle: s3.forcePathStyle },
    },
  }
}
