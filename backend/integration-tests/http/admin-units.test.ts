import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { promisify } from "node:util"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ADMIN_UNIT_MODULE } from "../../src/modules/admin-unit"
import type AdminUnitModuleService from "../../src/modules/admin-unit/service"
import { isAdminUnitsImportError } from "../../src/modules/admin-unit/service"
import { parseUnitsFile } from "../../src/modules/admin-unit/units-file"
import { VILLAGES } from "../../src/scripts/demo/data"
import { seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { importAdminUnitsFile, NATIONAL_COMMUNES_FILE } from "../../src/scripts/import-admin-units"

const execFileAsync = promisify(execFile)
/** Runs a command to its end; a failure's output is kept so an assertion can show it. */
async function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
) {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, options)
    return { code: 0, output: `${stdout}${stderr}` }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? -1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` }
  }
}
const BACKEND = path.resolve(__dirname, "../..")
const ROOT = path.resolve(BACKEND, "..")
const PROVINCES_CSV = path.join(BACKEND, "src/modules/admin-unit/data/provinces.csv")
const DEMO_CSV = path.join(BACKEND, "src/scripts/demo/admin-units.csv")

const dir = mkdtempSync(path.join(tmpdir(), "admin-units-"))
function csv(name: string, lines: string[]) {
  const file = path.join(dir, name)
  writeFileSync(file, `\uFEFF${lines.join("\r\n")}\r\n`)
  return file
}

const HEADER = "code,name,level,parent_code,former_district"
const UNITS = [
  HEADER,
  "02923,Xã Gia Phú,commune,15,Huyện Bảo Thắng",
  '02926,"Xã Xuân Quang, Lào Cai",commune,15,Huyện Bảo Thắng',
  "02923-01,Thôn Phú Xuân,village,02923,",
  "02923-02,Thôn Phú Hải,village,02923,",
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    const units = () => getContainer().resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
    const container = (): MedusaContainer => getContainer()

    describe("the shipped provinces", () => {
      it("are in the database after migrating, exactly as provinces.csv lists them", async () => {
        const stored = await units().listProvinces({}, { order: { code: "ASC" } })
        const listed = parseUnitsFile(readFileSync(PROVINCES_CSV, "utf8")).rows
        expect(stored.map(({ code, name, kind }) => ({ code, name, kind }))).toEqual(
          listed.map((r) => ({ code: r.code, name: r.name, kind: "kind" in r ? r.kind : null })),
        )
        expect(stored).toHaveLength(34)
      })

      it("re-import as a no-op", async () => {
        const counts = await importAdminUnitsFile(container(), PROVINCES_CSV)
        expect(counts).toMatchObject({ created: 0, updated: 0, unchanged: 34 })
      })
    })

    describe("importing a file", () => {
      it("creates the units, then a re-import changes nothing, then a changed name updates", async () => {
        const first = await importAdminUnitsFile(container(), csv("units.csv", UNITS))
        expect(first).toMatchObject({ created: 4, updated: 0, unchanged: 0 })
        expect(first.by_level.commune).toEqual({ created: 2, updated: 0, unchanged: 0 })

        const [quoted] = await units().listCommunes({ code: "02926" })
        expect(quoted!.name).toBe("Xã Xuân Quang, Lào Cai")
        const [before] = await units().listVillages({ code: "02923-01" })

        const again = await importAdminUnitsFile(container(), csv("again.csv", UNITS))
        expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 })
        const [untouched] = await units().listVillages({ code: "02923-01" })
        expect(untouched!.updated_at).toEqual(before!.updated_at)

        // Renamed village, and a file without former_district: the history stays.
        const changed = await importAdminUnitsFile(
          container(),
          csv("changed.csv", [
            "code,name,level,parent_code",
            "02923,Xã Gia Phú,commune,15",
            "02923-01,Thôn Phú Xuân Mới,village,02923",
            "02923-02,Thôn Phú Hải,village,02923",
          ]),
        )
        expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
        expect((await units().getVillage("02923-01"))?.name).toBe("Thôn Phú Xuân Mới")
        expect((await units().getCommune("02923"))?.former_district).toBe("Huyện Bảo Thắng")
      })

      it("rejects a file with any bad row, reporting line numbers, and writes nothing", async () => {
        const bad = csv("bad.csv", [
          HEADER,
          "02923,Xã Gia Phú,commune,15,",
          "02990,Xã Không Tỉnh,commune,99,", // line 3: no province 99
          "02923-01,Thôn Phú Xuân,village,02923,",
          "02991-01,Thôn Mồ Côi,village,02991,", // line 5: no commune 02991
        ])
        const error = await importAdminUnitsFile(container(), bad).catch((e) => e)
        expect(isAdminUnitsImportError(error)).toBe(true)
        expect(error.issues.map((i: { line: number; field: string }) => [i.line, i.field])).toEqual(
          [
            [3, "parent_code"],
            [5, "parent_code"],
          ],
        )
        expect(await units().listCommunes({})).toEqual([])
        expect(await units().listVillages({})).toEqual([])
      })

      it("rejects a file that fails its own checks before touching the database", async () => {
        await importAdminUnitsFile(container(), csv("units.csv", UNITS))
        const bad = csv("rename-and-break.csv", [
          HEADER,
          "02923,Xã Gia Phú Đổi Tên,commune,15,",
          ",Xã Không Mã,commune,15,", // line 3: empty code
        ])
        const error = await importAdminUnitsFile(container(), bad).catch((e) => e)
        expect(error.issues).toEqual([expect.objectContaining({ line: 3, field: "code" })])
        expect((await units().getCommune("02923"))?.name).toBe("Xã Gia Phú")
      })
    })

    describe("the import command", () => {
      const env = () => ({ ...process.env, DATABASE_URL: dbConfig.clientUrl, NODE_ENV: "test" })

      it("runs from the repository root, reading the file from the caller's folder", async () => {
        csv("from-root.csv", UNITS)
        // npm records the folder it was called from in INIT_CWD; the script runs in backend/.
        const result = await run(
          "npm",
          ["--prefix", ROOT, "run", "import:units", "--", "from-root.csv"],
          { cwd: dir, env: env() },
        )
        expect(result.output).toMatch(/4 created, 0 updated, 0 unchanged/)
        expect(result.code).toBe(0)
        expect(await units().getCommune("02926")).toMatchObject({ province_name: "Tỉnh Lào Cai" })
      })

      it("exits with an error naming the lines of a bad file", async () => {
        const bad = csv("bad-cli.csv", [HEADER, "2923,Xã Gia Phú,commune,15,"])
        const result = await run(
          path.join(ROOT, "node_modules/.bin/medusa"),
          ["exec", "./src/scripts/import-admin-units.ts", bad],
          { cwd: BACKEND, env: env() },
        )
        expect(result.output).toContain("dòng/line 2 [code]")
        expect(result.code).toBe(1)
        expect(await units().listCommunes({})).toEqual([])
      })
    })

    describe("the demo seed", () => {
      it("imports the demo units through the same import, once", async () => {
        const seeded = await seedDemoCommune(container())
        expect(seeded.created).toContain("18 admin units")
        const giaPhu = await units().getCommuneDetail("02923")
        expect(giaPhu?.villages.map((v) => v.name)).toEqual(VILLAGES.map((v) => `Thôn ${v}`))
        const again = await seedDemoCommune(container())
        expect(again.created).toEqual([])
      })
    })

    describe("service methods for other modules", () => {
      it("lists communes by code with their province names in one call", async () => {
        await importAdminUnitsFile(container(), DEMO_CSV)
        const found = await units().listCommunesByCodes(["02923", "99999", "02926", "02923"])
        expect(found).toEqual([
          expect.objectContaining({
            code: "02923",
            name: "Xã Gia Phú",
            province_name: "Tỉnh Lào Cai",
          }),
          {
            code: "02926",
            name: "Xã Xuân Quang",
            kind: "commune",
            province_code: "15",
            province_name: "Tỉnh Lào Cai",
            former_district: "Huyện Bảo Thắng",
          },
        ])
        expect(await units().getCommune("99999")).toBeNull()
        expect(await units().getVillage("02923-13")).toEqual({
          code: "02923-13",
          name: "Thôn Cóc",
          commune_code: "02923",
        })
      })
    })

    describe("store API for address pickers", () => {
      let headers: Record<string, string>
      beforeEach(async () => {
        await importAdminUnitsFile(container(), DEMO_CSV)
        const { result } = await createApiKeysWorkflow(container()).run({
          input: { api_keys: [{ title: "Pickers", type: "publishable", created_by: "" }] },
        })
        headers = { "x-publishable-api-key": result[0]!.token }
      })
      const get = (url: string, extra: Record<string, string> = {}) =>
        api.get(url, { headers: { ...headers, ...extra }, validateStatus: () => true })

      it("needs the publishable key", async () => {
        const res = await api.get("/store/admin-units/provinces", { validateStatus: () => true })
        expect(res.status).toBe(400)
      })

      it("lists the 34 provinces in code order, cacheable", async () => {
        const res = await get("/store/admin-units/provinces")
        expect(res.status).toBe(200)
        expect(res.data.count).toBe(34)
        expect(res.data.provinces[0]).toEqual({
          code: "01",
          name: "Thành phố Hà Nội",
          kind: "city",
        })
        const codes = res.data.provinces.map((p: { code: string }) => p.code)
        expect(codes).toEqual([...codes].sort())
        expect(res.headers["cache-control"]).toBe("public, max-age=600")
      })

      it("lists a province's communes", async () => {
        const res = await get("/store/admin-units/provinces/15/communes")
        expect(res.status).toBe(200)
        expect(res.data.province).toEqual({ code: "15", name: "Tỉnh Lào Cai", kind: "province" })
        expect(res.data.communes).toEqual([
          {
            code: "02923",
            name: "Xã Gia Phú",
            kind: "commune",
            former_district: "Huyện Bảo Thắng",
          },
          {
            code: "02926",
            name: "Xã Xuân Quang",
            kind: "commune",
            former_district: "Huyện Bảo Thắng",
          },
        ])
        const empty = await get("/store/admin-units/provinces/01/communes")
        expect(empty.data).toMatchObject({ communes: [], count: 0 })
      })

      it("shows a commune with its province and villages", async () => {
        const res = await get("/store/admin-units/communes/02923")
        expect(res.status).toBe(200)
        const { commune } = res.data
        expect(commune).toMatchObject({
          code: "02923",
          name: "Xã Gia Phú",
          former_district: "Huyện Bảo Thắng",
          province: { code: "15", name: "Tỉnh Lào Cai", kind: "province" },
        })
        expect(commune.villages).toHaveLength(14)
        expect(commune.villages[0]).toEqual({ code: "02923-01", name: "Thôn Phú Xuân" })
      })

      it("answers 404 for unknown codes, in the client's language", async () => {
        const vi = await get("/store/admin-units/communes/99999")
        expect(vi.status).toBe(404)
        expect(vi.data.message).toBe("Không có xã/phường mã 99999")
        const en = await get("/store/admin-units/provinces/99/communes", {
          "accept-language": "en",
        })
        expect(en.status).toBe(404)
        expect(en.data.message).toBe("There is no province with code 99")
      })

      it("answers 400 naming the field for malformed codes", async () => {
        for (const url of [
          "/store/admin-units/communes/2923",
          "/store/admin-units/provinces/1/communes",
        ]) {
          const res = await get(url, { "accept-language": "en" })
          expect(res.status).toBe(400)
          expect(res.data.field).toBe("code")
          expect(res.data.message).toMatch(/exactly \d digits/)
        }
      })

      it("serves the shipped national list: 3,321 communes, twice without duplicates", async () => {
        const started = Date.now()
        const first = await importAdminUnitsFile(container(), NATIONAL_COMMUNES_FILE)
        const firstMs = Date.now() - started
        // The demo's two communes were imported above with the same codes and names.
        expect(first.by_level.commune.created + first.by_level.commune.unchanged).toBe(3321)
        expect(first.by_level.commune.updated).toBe(0)
        const again = Date.now()
        const second = await importAdminUnitsFile(container(), NATIONAL_COMMUNES_FILE)
        const secondMs = Date.now() - again
        expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 3321 })
        // npm start's seed loads it every time: it must stay a matter of seconds.
        expect(firstMs).toBeLessThan(30_000)
        expect(secondMs).toBeLessThan(10_000)
        console.info(`national communes: first load ${firstMs} ms, re-load ${secondMs} ms`)

        const [communes, count] = await units().listAndCountCommunes({}, { take: 1 })
        expect(communes).toHaveLength(1)
        expect(count).toBe(3321)
        expect(await units().listProvinces({})).toHaveLength(34)
        const kinds = await units().listCommunes({ kind: "special_zone" })
        expect(kinds).toHaveLength(13)

        const hanoi = await get("/store/admin-units/provinces/01/communes")
        expect(hanoi.status).toBe(200)
        expect(hanoi.data.count).toBe(126)
        expect(hanoi.data.communes[0]).toEqual({
          code: "00004",
          name: "Phường Ba Đình",
          kind: "ward",
          former_district: null,
        })
        const hcm = await get("/store/admin-units/provinces/79/communes")
        expect(hcm.data.count).toBe(168)
        expect(hcm.data.communes).toContainEqual(
          expect.objectContaining({ code: "26743", name: "Phường Bến Thành" }),
        )
        const giaPhu = await get("/store/admin-units/communes/02923")
        expect(giaPhu.data.commune).toMatchObject({
          name: "Xã Gia Phú",
          former_district: "Huyện Bảo Thắng",
        })
      })
    })
  },
})
