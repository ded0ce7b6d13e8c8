import { setStatus } from "../../status"

export const POST = setStatus("published")
