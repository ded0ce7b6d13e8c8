import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PREORDER_MODULE } from "../../modules/preorder"
import type PreorderModuleService from "../../modules/preorder/service"

const service = (container: { resolve: <T>(key: string) => T }) =>
  container.resolve<PreorderModuleService>(PREORDER_MODULE)

export type WindowWrite = {
  id?: string
  create?: Parameters<PreorderModuleService["createPreorderWindows"]>[0]
  update?: Record<string, unknown>
}

type WindowUndo = { created?: string; previous?: Record<string, unknown> }
type SavedWindow = Awaited<ReturnType<PreorderModuleService["retrievePreorderWindow"]>>

export const savePreorderWindowStepId = "save-preorder-window"

/** Creates a pre-order window or changes it; rollback deletes it or puts the old values back. */
export const savePreorderWindowStep = createStep(
  savePreorderWindowStepId,
  async (input: WindowWrite, { container }): Promise<StepResponse<SavedWindow, WindowUndo>> => {
    const preorders = service(container)
    if (input.create) {
      const created = await preorders.createPreorderWindows(input.create as never)
      const window = Array.isArray(created) ? created[0]! : created
      return new StepResponse(window as SavedWindow, { created: window.id as string })
    }
    const before: Record<string, unknown> = await preorders.retrievePreorderWindow(input.id!)
    const previous: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(input.update ?? {})) previous[key] = before[key] ?? null
    const window = await preorders.updatePreorderWindows({ id: input.id!, ...input.update })
    return new StepResponse(window as SavedWindow, { previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    if (undo.created) {
      await service(container).deletePreorderWindows(undo.created)
    } else if (undo.previous) {
      await service(container).updatePreorderWindows(undo.previous as never)
    }
  },
)

export const updatePreorderLineStepId = "update-preorder-line"

/** Records what became of a pre-order line; rollback puts the old values back. */
export const updatePreorderLineStep = createStep(
  updatePreorderLineStepId,
  async (input: { id: string; update: Record<string, unknown> }, { container }) => {
    const preorders = service(container)
    const before: Record<string, unknown> = await preorders.retrievePreorderLine(input.id)
    const previous: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(input.update)) previous[key] = before[key] ?? null
    const line = await preorders.updatePreorderLines({ id: input.id, ...input.update })
    return new StepResponse(line, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    await service(container).updatePreorderLines(previous as never)
  },
)

export const releasePreorderLinesStepId = "release-preorder-lines"

/** A cancelled part's pre-ordered quantities go back to their windows; rollback takes them again. */
export const releasePreorderLinesStep = createStep(
  releasePreorderLinesStepId,
  async (input: { part_order_id: string }, { container }) => {
    const preorders = service(container)
    const lines = await preorders.listPreorderLines({ part_order_id: input.part_order_id })
    const released = await preorders.release(lines.map((l) => l.id))
    return new StepResponse(released, released)
  },
  async (released, { container }) => {
    if (released?.length) await service(container).restore(released)
  },
)
