/**
 * Query's rows read as the fields a call asked for. `query.graph` types its `data` from what
 * `medusa build` / `medusa develop` generate into .medusa/types (each entity whole, with every
 * relation, whatever fields were selected) and as `any[]` where they were never generated; neither
 * is the shape the selected fields give. Each call names that shape (`Row`, written beside the
 * fields), and this is the one place where it is taken on trust.
 */
export function rowsOf<Row>(result: { data: readonly unknown[] }): Row[] {
  return result.data as Row[]
}

/** The first row of a query result, as rowsOf reads it; undefined when there is none. */
export function firstRowOf<Row>(result: { data: readonly unknown[] }): Row | undefined {
  return rowsOf<Row>(result)[0]
}
