/**
 * Which notification providers run, from the environment (README's configuration table): each
 * is off until its credentials are set. medusa-config.ts builds the notification module's
 * providers from this; the seller notifications queue only on channels that have a provider.
 */
export type Channel = "email" | "sms" | "zalo"

const env = (name: string) => process.env[name]?.trim() || undefined

/** "new_order=1234,payment_confirmed=1235" → { new_order: "1234", … } */
export function parseTemplateIds(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of (value ?? "").split(",")) {
    const [name, id] = pair.split("=").map((s) => s.trim())
    if (name && id) out[name] = id
  }
  return out
}

export function notificationProviders() {
  const providers: { resolve: string; id: string; options: Record<string, unknown> }[] = []
  if (env("SMTP_HOST")) {
    providers.push({
      resolve: "./src/modules/mail-smtp",
      id: "smtp",
      options: {
        channels: ["email"],
        host: env("SMTP_HOST"),
        port: Number(env("SMTP_PORT") ?? 587),
        secure: env("SMTP_SECURE") ? env("SMTP_SECURE") === "true" : undefined,
        user: env("SMTP_USER"),
        password: env("SMTP_PASSWORD"),
        from: env("SMTP_FROM") ?? "Chợ số HTX <no-reply@localhost>",
      },
    })
  } else {
    // Logs no mail content and stores none: see src/modules/mail-outbox.
    providers.push({
      resolve: "./src/modules/mail-outbox",
      id: "outbox",
      options: { channels: ["email"] },
    })
  }
  if (env("ESMS_API_KEY")) {
    providers.push({
      resolve: "./src/modules/sms-esms",
      id: "esms",
      options: {
        channels: ["sms"],
        apiKey: env("ESMS_API_KEY"),
        secretKey: env("ESMS_SECRET_KEY"),
        brandname: env("ESMS_BRANDNAME"),
        baseUrl: env("ESMS_API_URL"),
        unicode: env("ESMS_UNICODE") === "true",
      },
    })
  }
  if (env("ZALO_ZNS_ACCESS_TOKEN")) {
    providers.push({
      resolve: "./src/modules/zalo-zns",
      id: "zns",
      options: {
        channels: ["zalo"],
        accessToken: env("ZALO_ZNS_ACCESS_TOKEN"),
        templates: parseTemplateIds(env("ZALO_ZNS_TEMPLATES")),
        baseUrl: env("ZALO_ZNS_API_URL"),
      },
    })
  }
  return providers
}

/** The channels a notice can go out on here: e-mail always (SMTP or the outbox), SMS and Zalo when set. */
export function availableChannels(): Record<Channel, boolean> {
  return { email: true, sms: !!env("ESMS_API_KEY"), zalo: !!env("ZALO_ZNS_ACCESS_TOKEN") }
}

/** Zalo templates configured for our message names (a message without one is not sent on Zalo). */
export const zaloTemplates = () => parseTemplateIds(env("ZALO_ZNS_TEMPLATES"))
