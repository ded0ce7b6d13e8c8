import { mkdtemp, readdir, readFile, stat } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { mailsTo } from "../outbox"
import MailOutboxService from "../service"

const TOKEN = "tok_abcdefghijklmnopqrstuvwxyz0123456789"

describe("the development mail provider", () => {
  it("logs recipient, template and subject only, and keeps the rendered mail in the outbox", async () => {
    const lines: string[] = []
    const logger = { info: (line: string) => lines.push(line) } as never
    const dir = await mkdtemp(join(tmpdir(), "outbox-"))
    process.env.MAIL_OUTBOX_DIR = dir
    try {
      await new MailOutboxService({ logger }).send({
        to: "nv@example.test",
        channel: "email",
        template: "seller-invite",
        data: { subject: "Lời mời", seller_name: "HTX" },
        content: {
          subject: "Lời mời",
          text: `http://localhost:8000/vi/seller/invite?token=${TOKEN}`,
        },
      })
    } finally {
      delete process.env.MAIL_OUTBOX_DIR
    }
    expect(lines.join("\n")).not.toContain(TOKEN)
    expect(lines.join("\n")).toContain("nv@example.test")
    expect(mailsTo("nv@example.test").at(-1)?.text).toContain(TOKEN)
    const [file] = await readdir(dir)
    expect(((await stat(join(dir, file!))).mode & 0o777).toString(8)).toBe("600")
    expect(JSON.parse(await readFile(join(dir, file!), "utf8")).text).toContain(TOKEN)
  })
})
