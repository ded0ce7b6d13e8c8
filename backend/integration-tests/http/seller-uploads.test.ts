/**
 * Seller uploads as an attacker tries them: markup dressed as a picture, a picture dressed as
 * markup, a phone photo with its GPS position, broken and oversized multipart bodies, and a seller
 * who uploads without end. Every refusal is a 4xx naming the field and stores nothing.
 */
import { readdirSync } from "node:fs"
import http from "node:http"
import path from "node:path"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import sharp from "sharp"
import { uploadDir } from "../../src/lib/upload-dir"
import { seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { DEMO_ACCOUNTS } from "../../src/scripts/demo/seed-sellers"

const PASSWORD = "giaphu-demo"
const HTML =
  "<!doctype html><script>fetch('/admin/users/me').then(r=>r.text()).then(alert)</script>"
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/admin/sellers")</script><rect width="9" height="9"/></svg>'
const EXIF_MARKER = Buffer.from("Exif\0\0", "latin1")
// The GPS IFD pointer tag (0x8825) as a little- or big-endian TIFF writes it.
const GPS_TAG = [Buffer.from([0x25, 0x88]), Buffer.from([0x88, 0x25])]

const pngBytes = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: "#2a6" } })
    .png()
    .toBuffer()

/** A phone photo: a JPEG whose EXIF names the camera and where it stood. */
const photoWithGps = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a7" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneCo" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "22/1 19/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "104/1 2/1 0/1",
      },
    })
    .toBuffer()

const storedFiles = () => {
  try {
    return readdirSync(uploadDir()).sort()
  } catch {
    return []
  }
}

type Part = { field?: string; name: string; type: string; body: Buffer | string }
const form = (parts: Part[]) => {
  const data = new FormData()
  for (const p of parts) {
    data.append(
      p.field ?? "files",
      new Blob([typeof p.body === "string" ? p.body : new Uint8Array(p.body)], { type: p.type }),
      p.name,
    )
  }
  return data
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("seller uploads", () => {
      let headers: Record<string, string>
      const ok = { validateStatus: () => true }

      const uploadCount = async () => {
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows } = await pg.raw(
          "select count(*)::int as n from audit_entry where action = 'seller.upload'",
        )
        return rows[0].n as number
      }
      const upload = (parts: Part[], extra: Record<string, string> = {}) =>
        api.post("/seller/uploads", form(parts), { headers: { ...headers, ...extra }, ...ok })

      // Seeded once: the runner snapshots the database after beforeAll and restores it per test.
      beforeAll(async () => {
        await seedDemoCommune(getContainer())
      })

      beforeEach(async () => {
        const res = await api.post(`/auth/seller_member/emailpass`, {
          email: DEMO_ACCOUNTS.sellerOwner("htx-nong-nghiep-gia-phu"),
          password: PASSWORD,
        })
        headers = { authorization: `Bearer ${res.data.token}` }
      })

      afterEach(() => {
        delete process.env.SELLER_UPLOADS_PER_HOUR
        delete process.env.SELLER_UPLOAD_QUOTA_MB
      })

      it("refuses markup labelled as a picture and stores nothing", async () => {
        const before = storedFiles()
        const audits = await uploadCount()
        for (const [name, body] of [
          ["anh.png", HTML],
          ["anh.html", HTML],
          ["logo.png", SVG],
          ["logo.svg", SVG],
        ] as const) {
          const res = await upload([
            { name: "ok.png", type: "image/png", body: await pngBytes() },
            { name, type: "image/png", body },
          ])
          expect(res.status, name).toBe(400)
          expect(res.data).toMatchObject({ type: "invalid_data", field: "files" })
          expect(res.data.message).toContain(name)
        }
        expect(storedFiles()).toEqual(before)
        expect(await uploadCount()).toBe(audits)
      })

      it("stores a picture under a random name with its real extension, served so it cannot run as a page", async () => {
        const res = await upload([
          { name: "trang.html", type: "text/html", body: await pngBytes() },
        ])
        expect(res.status).toBe(201)
        const url = new URL(res.data.files[0].url)
        expect(url.pathname).toMatch(/^\/static\/[\w-]+\.png$/)
        expect(url.pathname).not.toContain("trang")
        expect(storedFiles()).toContain(path.basename(url.pathname))

        const served = await api.get(url.pathname, { responseType: "arraybuffer", ...ok })
        expect(served.status).toBe(200)
        expect(served.headers["content-type"]).toBe("image/png")
        expect(served.headers["x-content-type-options"]).toBe("nosniff")
        expect(served.headers["content-security-policy"]).toBe(
          "default-src 'none'; img-src 'self'; sandbox",
        )
        expect(served.headers["content-disposition"]).toMatch(/^inline; filename="[\w-]+\.png"$/)
        expect((await sharp(Buffer.from(served.data)).metadata()).format).toBe("png")

        // The audit log names who uploaded what, and how much.
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows } = await pg.raw(
          "select data from audit_entry where action = 'seller.upload' order by created_at desc limit 1",
        )
        expect(rows[0].data).toMatchObject({ count: 1, files: [{ url: res.data.files[0].url }] })
      })

      it("drops the EXIF of a phone photo, GPS position included", async () => {
        const photo = await photoWithGps()
        // The fixture does carry a GPS block, or the test would prove nothing.
        expect(photo.includes(EXIF_MARKER)).toBe(true)
        expect(GPS_TAG.some((tag) => photo.includes(tag))).toBe(true)

        const res = await upload([{ name: "IMG_0001.JPG", type: "image/jpeg", body: photo }])
        expect(res.status).toBe(201)
        const { pathname } = new URL(res.data.files[0].url)
        expect(pathname).toMatch(/\.jpg$/)
        const served = Buffer.from(
          (await api.get(pathname, { responseType: "arraybuffer" })).data as ArrayBuffer,
        )
        expect(served.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
        expect(served.includes(EXIF_MARKER)).toBe(false)
        expect(served.includes(Buffer.from("PhoneCo"))).toBe(false)
        expect((await sharp(served).metadata()).exif).toBeUndefined()
      })

      it("serves files that are not pictures as downloads, never inline", async () => {
        // Anything already in the folder (an SVG from the demo seed, an upload from before the
        // checks) is still fenced off.
        const { writeFileSync, mkdirSync, unlinkSync } = await import("node:fs")
        mkdirSync(uploadDir(), { recursive: true })
        const name = `legacy-${Date.now()}.svg`
        writeFileSync(path.join(uploadDir(), name), SVG)
        try {
          const served = await api.get(`/static/${name}`, ok)
          expect(served.status).toBe(200)
          expect(served.headers["content-disposition"]).toBe(`attachment; filename="${name}"`)
          expect(served.headers["x-content-type-options"]).toBe("nosniff")
          expect(served.headers["content-security-policy"]).toContain("sandbox")
        } finally {
          unlinkSync(path.join(uploadDir(), name))
        }
      })

      it("answers malformed and oversized bodies with a 4xx naming the field, storing nothing", async () => {
        const before = storedFiles()
        const audits = await uploadCount()
        const png = await pngBytes()

        const wrongField = await upload([
          { field: "image", name: "a.png", type: "image/png", body: png },
        ])
        expect(wrongField.status).toBe(400)
        expect(wrongField.data).toMatchObject({ field: "files" })
        expect(wrongField.data.message).toContain('"image"')

        const eleven = await upload(
          Array.from({ length: 11 }, (_, i) => ({
            name: `${i}.png`,
            type: "image/png",
            body: png,
          })),
          { "accept-language": "en" },
        )
        expect(eleven.status).toBe(400)
        expect(eleven.data).toEqual({
          type: "invalid_data",
          message: "At most 10 pictures per upload",
          field: "files",
        })

        const huge = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 1)])
        const oversized = await upload([{ name: "to.png", type: "image/png", body: huge }])
        expect(oversized.status).toBe(413)
        expect(oversized.data).toMatchObject({ field: "files", message: "Mỗi ảnh tối đa 10 MB" })

        const none = await api.post("/seller/uploads", { files: "anh.png" }, { headers, ...ok })
        expect(none.status).toBe(400)
        expect(none.data).toMatchObject({ field: "files" })

        // A body cut off in the middle of a file, then the connection closes.
        const boundary = "----coopboundary"
        const partial = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
          ),
          png.subarray(0, 20),
        ])
        const truncated = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = http.request(
            new URL("/seller/uploads", api.defaults.baseURL),
            {
              method: "POST",
              headers: {
                ...headers,
                "content-type": `multipart/form-data; boundary=${boundary}`,
                "content-length": partial.length,
              },
            },
            (res) => {
              let body = ""
              res.on("data", (c) => {
                body += c
              })
              res.on("end", () => resolve({ status: res.statusCode ?? 0, body }))
            },
          )
          req.on("error", reject)
          req.end(partial)
        })
        expect(truncated.status).toBe(400)
        expect(JSON.parse(truncated.body)).toMatchObject({ field: "files" })

        const noBoundary = await api.post("/seller/uploads", "x", {
          headers: { ...headers, "content-type": "multipart/form-data" },
          ...ok,
        })
        expect(noBoundary.status).toBe(400)

        expect(storedFiles()).toEqual(before)
        expect(await uploadCount()).toBe(audits)
      })

      it("holds a seller to its hourly rate and storage quota", async () => {
        const png = await pngBytes()
        process.env.SELLER_UPLOADS_PER_HOUR = "3"
        expect(
          (await upload([1, 2].map((i) => ({ name: `${i}.png`, type: "image/png", body: png }))))
            .status,
        ).toBe(201)
        expect((await upload([{ name: "3.png", type: "image/png", body: png }])).status).toBe(201)
        const limited = await upload([{ name: "4.png", type: "image/png", body: png }])
        expect(limited.status).toBe(429)
        expect(limited.data).toMatchObject({ type: "too_many_requests", field: "files" })
        expect(limited.data.message).toContain("tối đa 3")
        expect(Number(limited.headers["retry-after"])).toBeGreaterThan(3000)

        delete process.env.SELLER_UPLOADS_PER_HOUR
        // A quota one byte above what is stored: the next picture goes over it.
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows } = await pg.raw(
          "select sum((data->>'bytes')::int)::int as used from audit_entry where action = 'seller.upload'",
        )
        process.env.SELLER_UPLOAD_QUOTA_MB = String((rows[0].used + 1) / 1024 / 1024)
        const before = storedFiles()
        const full = await upload([{ name: "5.png", type: "image/png", body: png }])
        expect(full.status).toBe(413)
        expect(full.data).toMatchObject({ type: "payload_too_large", field: "files" })
        expect(storedFiles()).toEqual(before)
      })
    })
  },
})
