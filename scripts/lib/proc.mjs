// Child processes for the start and test scripts: run to completion, start a long-running
// service in its own process group (so stopping it stops its children too), wait for HTTP.
import { spawn } from "node:child_process"
import net from "node:net"

/** Runs a command to completion; rejects with its output's tail when it fails. */
export function run(cmd, args, { cwd, env, quiet = false, label = cmd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: quiet ? "pipe" : "inherit" })
    let output = ""
    const keep = (chunk) => {
      output = (output + chunk).slice(-20_000)
    }
    child.stdout?.on("data", keep)
    child.stderr?.on("data", keep)
    child.on("error", reject)
    child.on("exit", (code) => {
      if (code === 0) resolve(output)
      else reject(new Error(`${label} failed (exit ${code})${quiet ? `:\n${output}` : ""}`))
    })
  })
}

/**
 * Starts a long-running service in its own process group. Its output goes to `onLine`
 * line by line (default: the console, prefixed with the service's name).
 */
export function startService(name, cmd, args, { cwd, env, onLine } = {}) {
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  const print = onLine ?? ((line) => console.log(`[${name}] ${line}`))
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = ""
    stream.on("data", (chunk) => {
      buffered += chunk
      const lines = buffered.split("\n")
      buffered = lines.pop() ?? ""
      for (const line of lines) if (line.trim()) print(line)
    })
  }
  child.serviceName = name
  return child
}

/** Stops a service started by startService, and everything it started, within `graceMs`. */
export async function stopService(child, graceMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig)
    } catch {
      // Already gone.
    }
  }
  signal("SIGTERM")
  const timer = setTimeout(() => signal("SIGKILL"), graceMs)
  await exited
  clearTimeout(timer)
}

/** Resolves once `url` answers with a 2xx status; rejects after `timeoutMs` or when `child` exits. */
export async function waitForHttp(url, { timeoutMs = 120_000, child } = {}) {
  const deadline = Date.now() + timeoutMs
  let lastError = "no answer"
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(
        `${child.serviceName ?? "service"} exited (code ${child.exitCode}) before ${url} answered`,
      )
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) })
      if (res.ok) return
      lastError = `HTTP ${res.status}`
    } catch (error) {
      lastError = error.cause?.code ?? error.message
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${lastError})`)
}

/** A TCP port that is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
