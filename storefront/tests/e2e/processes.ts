import { type ChildProcess, spawn } from "node:child_process"
import { once } from "node:events"
import { createServer } from "node:net"

export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  const address = server.address()
  server.close()
  if (!address || typeof address === "string") throw new Error("no free port")
  return address.port
}

type Options = { cwd: string; env: NodeJS.ProcessEnv; log: (line: string) => void }

/** Starts a command in its own process group, so stopping it also stops its children. */
export function startGroup(label: string, command: string, args: string[], options: Options) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n"))
      if (line.trim()) options.log(`[${label}] ${line}`)
  }
  child.stdout?.on("data", forward)
  child.stderr?.on("data", forward)
  return child
}

/** Runs a command to completion; rejects with its exit status. */
export async function runGroup(label: string, command: string, args: string[], options: Options) {
  const child = startGroup(label, command, args, options)
  const [code] = await once(child, "exit")
  if (code !== 0) throw new Error(`${label} exited with status ${code}`)
}

export async function stopGroup(child: ChildProcess | undefined, graceMs = 5_000) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, "exit")
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // The group is already gone.
    }
  }
  signal("SIGTERM")
  const timer = setTimeout(() => signal("SIGKILL"), graceMs)
  await exited
  clearTimeout(timer)
}

/** Polls a URL until it answers with anything below 500 (redirects count as answers). */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`)
    try {
      const response = await fetch(url, { redirect: "manual" })
      if (response.status < 500) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}
