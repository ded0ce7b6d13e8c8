"use client"

import type { ChangeEvent } from "react"
import { redrawAsJpeg } from "@/lib/portal/redraw-photo"

type Props = { id: string; multiple?: boolean; capture?: boolean }

/** Photos above this size are shrunk in the browser before they are sent. */
const SHRINK_ABOVE_BYTES = 1_500_000
const MAX_SIDE_PX = 1600

/** A phone photo redrawn at most 1600 px on its long side as JPEG; the original if that fails. */
async function shrink(file: File): Promise<File> {
  if (file.size <= SHRINK_ABOVE_BYTES || !file.type.startsWith("image/")) return file
  const blob = await redrawAsJpeg(file, MAX_SIDE_PX, 0.82)
  if (!blob || blob.size >= file.size) return file
  return new File([blob], `${file.name.replace(/\.\w+$/, "")}.jpg`, { type: "image/jpeg" })
}

/**
 * A photo field. Camera photos are several megabytes, slow on a village's mobile data: with
 * JavaScript they are shrunk as soon as they are chosen (the form still posts the field as
 * usual); without it, the originals are sent.
 */
export function OriginPhotoInput({ id, multiple, capture }: Props) {
  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget
    const files = [...(input.files ?? [])]
    if (!files.some((f) => f.size > SHRINK_ABOVE_BYTES)) return
    const shrunk = await Promise.all(files.map(shrink))
    const transfer = new DataTransfer()
    for (const file of shrunk) transfer.items.add(file)
    input.files = transfer.files
  }
  return (
    <input
      id={id}
      name="photos"
      type="file"
      accept="image/jpeg,image/png,image/webp"
      multiple={multiple}
      capture={capture ? "environment" : undefined}
      onChange={onChange}
    />
  )
}
