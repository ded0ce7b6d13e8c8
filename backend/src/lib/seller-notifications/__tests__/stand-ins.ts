/**
 * Local stand-ins for the providers' APIs: an HTTP server on a free port that records each
 * request and answers through a handler the test sets, and a small SMTP server (smtp-server)
 * that insists on AUTH and keeps each mail. Used by the provider and delivery tests.
 */
import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import type { Logger } from "@medusajs/framework/types"
import { SMTPServer } from "smtp-server"

export interface Recorded {
  method: string
  path: string
  headers: IncomingHttpHeaders
  // biome-ignore lint/suspicious/noExplicitAny: request bodies, checked by the assertions that read them
  body: any
}

export type Handler = (request: Recorded) => { status?: number; body: unknown }

export async function httpStandIn(initial: Handler) {
  const requests: Recorded[] = []
  let handler = initial
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8")
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {}
      const request = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body }
      requests.push(request)
      const answer = handler(request)
      res.writeHead(answer.status ?? 200, { "content-type": "application/json" })
      res.end(JSON.stringify(answer.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setHandler: (next: Handler) => {
      handler = next
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export interface ReceivedMail {
  from: string
  to: string[]
  user: string
  raw: string
}

export async function smtpStandIn(credentials: { user: string; password: string }) {
  const mails: ReceivedMail[] = []
  const server = new SMTPServer({
    // Plain SMTP on localhost, AUTH required (PLAIN or LOGIN), as a submission server asks.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.password) {
        return callback(null, { user: auth.username })
      }
      return callback(new Error("Invalid username or password"))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on("data", (c: Buffer) => chunks.push(c))
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          user: String(session.user),
          raw: Buffer.concat(chunks).toString("utf8"),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const { port } = server.server.address() as AddressInfo
  return {
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The subject and text of a mail as nodemailer writes them (RFC 2047 words, quoted-printable or base64). */
export function readMail(raw: string) {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/)
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ")
  const subjectLine = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? ""
  const subject = subjectLine
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?(.*?)\?=/gi, (_m, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : qp(data.replace(/_/g, " ")),
    )
  const body = rest.join("\n\n")
  const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(unfolded)?.[1]?.toLowerCase()
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? qp(body.replace(/=\r?\n/g, ""))
        : body
  return { subject, text: text.trim() }
}

function qp(text: string) {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(...Buffer.from(text[i]!, "utf8"))
  }
  return Buffer.from(bytes).toString("utf8")
}

/** A Medusa logger that keeps every line, to check what the providers write. */
export function recordingLogger() {
  const lines: string[] = []
  const keep =
    (level: string) =>
    (...args: unknown[]) => {
      lines.push(`${level} ${args.map(String).join(" ")}`)
    }
  const logger: Logger = {
    info: keep("info"),
    warn: keep("warn"),
    error: keep("error"),
    debug: keep("debug"),
    log: keep("log"),
    http: keep("http"),
    verbose: keep("verbose"),
    silly: keep("silly"),
    panic: keep("panic"),
    activity: () => "",
    progress: keep("progress"),
    success: (...args: unknown[]) => {
      keep("success")(...args)
      return {}
    },
    failure: keep("failure"),
    shouldLog: () => true,
    setLogLevel: () => {},
    unsetLogLevel: () => {},
  }
  return { lines, logger }
}
