// Builds the explorer into web/dist (served by the Node server at `/` and by the Worker as static
// assets). Two small plugins: `virtual:schema-types` hands graphcache the schema's abstract and keyless
// types (derived from schema.graphql, so they follow the schema), and the size report prints the gzip
// size of what the first page load fetches and fails the build above the budget.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSchema, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

const FIRST_LOAD_BUDGET_KIB = 150;
const SCHEMA = fileURLToPath(new URL('../schema.graphql', import.meta.url));

function schemaTypes(): Plugin {
  const id = 'virtual:schema-types';
  return {
    name: 'schema-types',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(SCHEMA);
      const schema = buildSchema(readFileSync(SCHEMA, 'utf8'));
      const possibleTypes: Record<string, string[]> = {};
      const keyless: string[] = [];
      for (const type of Object.values(schema.getTypeMap())) {
        if (type.name.startsWith('__')) continue;
        if (isUnionType(type)) possibleTypes[type.name] = type.getTypes().map((t) => t.name);
        if (isInterfaceType(type)) possibleTypes[type.name] = schema.getPossibleTypes(type).map((t) => t.name);
        // Records without an ID (edges, roles, mentions, connections…) live inside their parent.
        if (isObjectType(type) && !type.getFields().id && !['Query', 'Mutation', 'Subscription'].includes(type.name)) {
          keyless.push(type.name);
        }
      }
      return `export const possibleTypes = ${JSON.stringify(possibleTypes)};\nexport const keyless = ${JSON.stringify(keyless)};\n`;
    },
  };
}

function sizeReport(): Plugin {
  return {
    name: 'first-load-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      const entries = Object.values(bundle).filter((c) => c.type === 'chunk' && c.isEntry);
      // First load: the entry chunks, their static imports and the CSS they pull in.
      const seen = new Set<string>();
      const walk = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        const item = bundle[name];
        if (item?.type === 'chunk') {
          for (const dep of item.imports) walk(dep);
          for (const css of item.viteMetadata?.importedCss ?? []) walk(css);
        }
      };
      for (const e of entries) walk(e.fileName);
      let js = 0;
      let css = 0;
      for (const name of seen) {
        const item = bundle[name];
        if (!item) continue;
        const source = item.type === 'chunk' ? item.code : item.source;
        const gz = gzipSync(source, { level: 9 }).length;
        if (name.endsWith('.css')) css += gz;
        else js += gz;
      }
      console.log(
        `\nexplorer first load: ${kib(js)} JS gzip, ${kib(css)} CSS gzip (budget ${FIRST_LOAD_BUDGET_KIB} KiB JS)`,
      );
      if (js > FIRST_LOAD_BUDGET_KIB * 1024) {
        this.error(`first-load JS is ${kib(js)} gzip, over the ${FIRST_LOAD_BUDGET_KIB} KiB budget`);
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [schemaTypes(), sizeReport()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  // The dev server (`npx vite web`) talks to a running `npm start`.
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
