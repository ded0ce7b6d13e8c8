// The seller portal's service worker (registered only by the portal's pages, with the scope
// /{locale}/seller/). It lets the portal open without a connection: pages are fetched from the
// network first and kept; without a network the kept copy is served, or a small offline page.
// Next's hashed build files are kept once fetched. Nothing else is touched: the shop's public
// pages, API calls and server actions go straight to the network. The diary entries themselves
// wait in IndexedDB (lib/portal/offline/diary-store.ts), not here.

const VERSION = "v1"
const PAGES = `seller-pages-${VERSION}`
const ASSETS = `seller-assets-${VERSION}`

/** /vi/seller and everything under it (not /vi/sellers/…, the public seller profiles). */
const isPortalPath = (pathname) => /^\/(vi|en)\/seller(\/|$)/.test(pathname)
const isBuildFile = (url) =>
  url.origin === self.location.origin && url.pathname.startsWith("/_next/static/")

self.addEventListener("install", () => {
  self.skipWaiting()
})

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PAGES, ASSETS])
      for (const name of await caches.keys()) {
        if (name.startsWith("seller-") && !keep.has(name)) await caches.delete(name)
      }
      await self.clients.claim()
    })(),
  )
})

/** A page or build file the portal asks to keep (pages opened before this worker ran). */
async function keep(urls) {
  const pages = await caches.open(PAGES)
  const assets = await caches.open(ASSETS)
  await Promise.all(
    urls.map(async (href) => {
      try {
        const url = new URL(href, self.location.origin)
        if (url.origin !== self.location.origin) return
        if (isBuildFile(url)) {
          if (await assets.match(url)) return
          const response = await fetch(url)
          if (response.ok) await assets.put(url, response)
        } else if (isPortalPath(url.pathname)) {
          const response = await fetch(url, { credentials: "same-origin", redirect: "follow" })
          // A page that sent the person to sign in is not the page asked for.
          const isHtml = (response.headers.get("content-type") ?? "").startsWith("text/html")
          if (!response.ok || response.redirected || !isHtml) return
          await pages.put(url, response.clone())
          // Its build files too: a form's own script may not be among the ones loaded so far.
          const html = await response.text()
          const files = new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) ?? [])
          await Promise.all(
            [...files].map(async (path) => {
              const file = new URL(path, self.location.origin)
              if (await assets.match(file)) return
              const got = await fetch(file).catch(() => null)
              if (got?.ok) await assets.put(file, got)
            }),
          )
        }
      } catch {
        // Offline or refused: kept next time.
      }
    }),
  )
}

self.addEventListener("message", (event) => {
  const data = event.data
  if (data && data.type === "keep" && Array.isArray(data.urls)) {
    event.waitUntil(keep(data.urls.filter((u) => typeof u === "string").slice(0, 200)))
  }
  if (data && data.type === "forget") {
    // Signed out: the portal's pages are one person's data.
    event.waitUntil(caches.delete(PAGES))
  }
})

function offlinePage(pathname) {
  const en = pathname.startsWith("/en/")
  const title = en ? "No connection" : "Chưa có mạng"
  const body = en
    ? "This page was not opened on this phone before, so it cannot be shown without a connection. Diary entries you recorded are kept on the phone and are sent when the connection returns."
    : "Trang này chưa từng mở trên điện thoại này nên chưa xem được khi không có mạng. Các mục nhật ký đã ghi vẫn nằm trên điện thoại và sẽ tự gửi khi có mạng lại."
  const back = en ? "Try again" : "Thử lại"
  const html = `<!doctype html><html lang="${en ? "en" : "vi"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;color:#1d2a1f;line-height:1.5}h1{color:#2f6b3a;font-size:1.4rem}a{color:#2f6b3a}</style></head><body data-testid="offline-page"><h1>${title}</h1><p>${body}</p><p><a href="${pathname}">${back}</a></p></body></html>`
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  })
}

async function page(event) {
  const request = event.request
  const url = new URL(request.url)
  const pages = await caches.open(PAGES)
  try {
    const response = await fetch(request)
    // Keep what the person saw, not a redirect to the sign-in page or an error.
    const html = (response.headers.get("content-type") ?? "").startsWith("text/html")
    // (PDF and CSV downloads under the portal are not pages to keep.)
    if (response.ok && html && !response.redirected && response.type === "basic") {
      // Kept while the page streams to the browser, not before.
      event.waitUntil(pages.put(url, response.clone()))
    }
    return response
  } catch {
    return (
      (await pages.match(url)) ??
      (await pages.match(url, { ignoreSearch: true })) ??
      offlinePage(url.pathname)
    )
  }
}

async function buildFile(request) {
  const assets = await caches.open(ASSETS)
  const kept = await assets.match(request)
  if (kept) return kept
  const response = await fetch(request)
  if (response.ok) await assets.put(request, response.clone())
  return response
}

self.addEventListener("fetch", (event) => {
  const request = event.request
  if (request.method !== "GET") return
  const url = new URL(request.url)
  if (
    request.mode === "navigate" &&
    url.origin === self.location.origin &&
    isPortalPath(url.pathname)
  ) {
    event.respondWith(page(event))
  } else if (isBuildFile(url)) {
    event.respondWith(buildFile(request))
  }
})
