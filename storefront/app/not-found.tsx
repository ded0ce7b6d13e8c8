// Requests the proxy did not give a locale (rare: paths with a file extension). Plain HTML.
export default function GlobalNotFound() {
  return (
    <html lang="vi">
      <body>
        <h1>Không tìm thấy trang · Page not found</h1>
        <p>
          <a href="/vi">Về trang chủ</a> · <a href="/en">Home</a>
        </p>
      </body>
    </html>
  )
}
