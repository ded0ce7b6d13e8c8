import { notFound } from "next/navigation"

// Unknown paths inside a locale get the localized not-found page instead of Next's default.
export default function CatchAll() {
  notFound()
}
