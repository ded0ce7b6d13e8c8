// The part of `jsonld` (digitalbazaar's JSON-LD processor, a test-only dependency) the tests use;
// the package ships no types.
declare module "jsonld" {
  type RemoteDocument = { contextUrl: string | null; documentUrl: string; document: unknown }
  type Options = { documentLoader?: (url: string) => Promise<RemoteDocument> }
  const jsonld: {
    expand(input: object, options?: Options): Promise<Record<string, unknown>[]>
  }
  export default jsonld
}
