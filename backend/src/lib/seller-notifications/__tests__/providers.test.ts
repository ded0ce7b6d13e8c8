import SmtpNotificationService from "../../../modules/mail-smtp/service"
import EsmsNotificationService from "../../../modules/sms-esms/service"
import ZnsNotificationService from "../../../modules/zalo-zns/service"
import { foldForSms, normalizeVnMobile, render } from "../messages"
import { httpStandIn, readMail, recordingLogger, smtpStandIn } from "./stand-ins"

const ESMS = {
  apiKey: "esms-api-key-7f3a",
  secretKey: "esms-secret-key-91c2",
  brandname: "HTX_GIAPHU",
}
const ZNS_TOKEN = "zns-access-token-5d8e1b"
const SMTP = { user: "mailer@giaphu.example", password: "smtp-password-c41d" }

const order = render("new_order", {
  order: "DH1043",
  amount: "1.250.000 ₫",
  seller: "HTX Lúa gạo",
})

describe("Vietnamese mobile numbers", () => {
  it("accepts the usual spellings and stores 84xxxxxxxxx", () => {
    expect(normalizeVnMobile("0912 345 678")).toBe("84912345678")
    expect(normalizeVnMobile("+84 912.345.678")).toBe("84912345678")
    expect(normalizeVnMobile("84386123456")).toBe("84386123456")
  })
  it("refuses landlines, short numbers and foreign numbers", () => {
    expect(normalizeVnMobile("0214 3860 999")).toBeNull()
    expect(normalizeVnMobile("091234567")).toBeNull()
    expect(normalizeVnMobile("0212345678")).toBeNull()
    expect(normalizeVnMobile("+1 212 555 0100")).toBeNull()
  })
})

describe("eSMS.vn SMS provider", () => {
  it("posts the JSON API's fields with the API and secret keys, the text without diacritics", async () => {
    const stand = await httpStandIn((req) =>
      req.body.ApiKey === ESMS.apiKey && req.body.SecretKey === ESMS.secretKey
        ? { body: { CodeResult: "100", SMSID: "sms-1" } }
        : { body: { CodeResult: "101", ErrorMessage: "Authorize Failed" } },
    )
    const { lines, logger } = recordingLogger()
    try {
      const sms = new EsmsNotificationService(
        { logger },
        {
          ...ESMS,
          baseUrl: stand.url,
        },
      )
      const result = await sms.send({
        to: "84912345678",
        channel: "sms",
        template: "new_order",
        content: order,
        data: { delivery_id: "ndel_1" },
      })
      expect(result.id).toBe("sms-1")
      const [req] = stand.requests
      expect(req!.method).toBe("POST")
      expect(req!.path).toBe("/MainService.svc/json/SendMultipleMessage_V4_post_json/")
      expect(req!.headers["content-type"]).toContain("application/json")
      expect(req!.body).toEqual({
        ApiKey: ESMS.apiKey,
        SecretKey: ESMS.secretKey,
        Brandname: "HTX_GIAPHU",
        SmsType: "2",
        Phone: "84912345678",
        Content: foldForSms(order.text),
        IsUnicode: "0",
        RequestId: "ndel_1",
      })
      expect(req!.body.Content).toContain("DH1043, tri gia 1.250.000 d")

      // A wrong key is refused by the API: the error names its code, never the keys.
      const wrong = new EsmsNotificationService(
        { logger },
        {
          ...ESMS,
          secretKey: "wrong-secret-key-0000",
          baseUrl: stand.url,
        },
      )
      const error = await wrong
        .send({ to: "84912345678", channel: "sms", template: "new_order", content: order })
        .catch((e: Error) => e)
      expect((error as Error).message).toBe("eSMS CodeResult 101")
      const logged = lines.join("\n")
      expect(logged).toContain("(new_order)")
      for (const secret of [ESMS.apiKey, ESMS.secretKey, "wrong-secret-key-0000", "84912345678"]) {
        expect(logged).not.toContain(secret)
      }
    } finally {
      await stand.close()
    }
  })
})

describe("Zalo ZNS provider", () => {
  it("posts /message/template with the access_token header and the template's data", async () => {
    const stand = await httpStandIn((req) =>
      req.headers.access_token === ZNS_TOKEN
        ? { body: { error: 0, message: "Success", data: { msg_id: "zns-1", sent_time: "1" } } }
        : { body: { error: -124, message: "Access token is invalid" } },
    )
    const { lines, logger } = recordingLogger()
    try {
      const zns = new ZnsNotificationService(
        { logger },
        {
          accessToken: ZNS_TOKEN,
          templates: { new_order: "231005" },
          baseUrl: stand.url,
        },
      )
      const params = { order: "DH1043", amount: "1.250.000 ₫", seller: "HTX Lúa gạo" }
      const result = await zns.send({
        to: "84912345678",
        channel: "zalo",
        template: "new_order",
        content: order,
        data: { delivery_id: "ndel_2", params },
      })
      expect(result.id).toBe("zns-1")
      const [req] = stand.requests
      expect(req!.method).toBe("POST")
      expect(req!.path).toBe("/message/template")
      expect(req!.headers.access_token).toBe(ZNS_TOKEN)
      expect(req!.body).toEqual({
        phone: "84912345678",
        template_id: "231005",
        template_data: params,
        tracking_id: "ndel_2",
      })

      // A template without an approved ZNS id is not sent; an invalid token is the API's error.
      await expect(
        zns.send({ to: "84912345678", channel: "zalo", template: "stamps_done", data: {} }),
      ).rejects.toThrow("no ZNS template configured for stamps_done")
      const stale = new ZnsNotificationService(
        { logger },
        {
          accessToken: "expired-token-000",
          templates: { new_order: "231005" },
          baseUrl: stand.url,
        },
      )
      await expect(
        stale.send({ to: "84912345678", channel: "zalo", template: "new_order", data: {} }),
      ).rejects.toThrow("ZNS error -124")
      expect(stand.requests).toHaveLength(2)
      const logged = lines.join("\n")
      expect(logged).toContain("Zalo ZNS zns-1")
      expect(logged).not.toContain(ZNS_TOKEN)
      expect(logged).not.toContain("expired-token-000")
    } finally {
      await stand.close()
    }
  })
})

describe("SMTP e-mail provider", () => {
  it("authenticates with SMTP AUTH and sends the Vietnamese subject and text", async () => {
    const server = await smtpStandIn(SMTP)
    const { lines, logger } = recordingLogger()
    try {
      const mail = new SmtpNotificationService(
        { logger },
        {
          host: "127.0.0.1",
          port: server.port,
          secure: false,
          user: SMTP.user,
          password: SMTP.password,
          from: "Chợ số HTX <no-reply@giaphu.example>",
        },
      )
      const result = await mail.send({
        to: "htx-lua-gao@example.test",
        channel: "email",
        template: "new_order",
        content: order,
      })
      expect(result.id).toBeTruthy()
      expect(server.mails).toHaveLength(1)
      const [received] = server.mails
      expect(received!.user).toBe(SMTP.user)
      expect(received!.from).toBe("no-reply@giaphu.example")
      expect(received!.to).toEqual(["htx-lua-gao@example.test"])
      expect(readMail(received!.raw)).toEqual({ subject: order.subject, text: order.text })
      expect(order.text).toContain("trị giá 1.250.000 ₫")

      // A wrong password is refused by the server (535): nothing is delivered.
      const wrong = new SmtpNotificationService(
        { logger },
        {
          host: "127.0.0.1",
          port: server.port,
          secure: false,
          user: SMTP.user,
          password: "not-the-password",
          from: "no-reply@giaphu.example",
        },
      )
      await expect(
        wrong.send({
          to: "a@example.test",
          channel: "email",
          template: "new_order",
          content: order,
        }),
      ).rejects.toThrow("SMTP 535")
      expect(server.mails).toHaveLength(1)
      const logged = lines.join("\n")
      expect(logged).not.toContain(SMTP.password)
      expect(logged).not.toContain("not-the-password")
    } finally {
      await server.close()
    }
  })
})
