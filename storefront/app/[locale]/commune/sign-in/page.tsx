import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { SignInPage } from "@/components/portal/sign-in-page"
import { pageLocale } from "@/i18n/locale"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ next?: string; status?: string }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params)
  const t = await getTranslations("Portal.commune")
  return { title: t("signInTitle"), robots: { index: false } }
}

export default async function CommuneSignInPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params)
  const { next, status } = await searchParams
  return <SignInPage locale={locale} portal="commune" next={next} status={status} />
}
