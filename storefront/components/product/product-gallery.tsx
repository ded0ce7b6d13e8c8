import { getTranslations } from "next-intl/server"
import { preload } from "react-dom"
import type { ProductImage } from "@/lib/medusa"
import type { ShownText } from "@/lib/text/localized"

/** `alt`: the product's name as the page shows it (each photo shows the product). */
type Props = { images: ProductImage[]; alt: ShownText }

export async function ProductGallery({ images, alt }: Props) {
  if (images.length === 0) {
    const t = await getTranslations("Product")
    return <div className="image-placeholder gallery-empty">{t("noImage")}</div>
  }
  // The first photo is the page's largest paint and lives on the backend's origin: a preload in
  // the <head> starts its download with the HTML's first bytes, before the stylesheet and scripts.
  preload(images[0].url, { as: "image", fetchPriority: "high" })
  return (
    <div className="gallery">
      {images.map((image, index) => (
        // biome-ignore lint/performance/noImgElement: product images are mostly SVG, which next/image passes through unoptimised
        <img
          key={image.url}
          src={image.url}
          alt={alt.text}
          lang={alt.lang}
          width={640}
          height={640}
          loading={index === 0 ? "eager" : "lazy"}
          fetchPriority={index === 0 ? "high" : undefined}
          decoding="async"
        />
      ))}
    </div>
  )
}
