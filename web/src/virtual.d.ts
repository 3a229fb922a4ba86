// Generated at build time from schema.graphql by the `schema-types` plugin in vite.config.ts.
declare module 'virtual:schema-types' {
  /** Union and interface name → the object types that belong to it. */
  export const possibleTypes: Record<string, string[]>;
  /** Object types without an `id`: graphcache stores them inside their parent. */
  export const keyless: string[];
}
