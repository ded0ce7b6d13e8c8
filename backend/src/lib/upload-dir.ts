import path from "node:path"

/**
 * Where the file module's local provider stores pictures. Not Medusa's default `static/`: Medusa
 * serves that folder itself, before any of our middlewares could add security headers, so
 * nothing of ours goes there and `/static/...` is answered from this folder by src/api/static.
 */
export const uploadDir = () => path.resolve(process.env.UPLOAD_DIR || "uploads")
