// `npm run web:build` (also run by `npm install` and, when the sources changed, by `npm start`): builds the
// explorer (web/) with Vite into web/dist, and writes GraphiQL's own files into web/dist/graphiql so the
// Worker serves its playground from the project's assets instead of a CDN (src/graphiql-assets.ts).
// `--if-stale` skips the build when web/dist is newer than every source it comes from.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { build } from 'vite';
import { ROOT } from './wrangler';

const WEB = join(ROOT, 'web');
const OUT = join(WEB, 'dist');
const STAMP = join(OUT, 'index.html');

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function stale(): boolean {
  let built: number;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  const sources = [
    join(WEB, 'src'),
    join(WEB, 'index.html'),
    join(WEB, 'vite.config.ts'),
    join(ROOT, 'schema.graphql'),
  ];
  return sources.some((s) => newest(s) > built);
}

if (process.argv.includes('--if-stale') && !stale()) {
  console.log('explorer: web/dist is up to date');
} else {
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn' });
  const dir = join(OUT, 'graphiql');
  mkdirSync(dir, { recursive: true });
  const { css, script } = splitGraphiQL();
  writeFileSync(join(dir, 'graphiql.css'), css);
  writeFileSync(join(dir, 'graphiql.js'), script);
  console.log(`explorer: built into ${OUT} (with GraphiQL's files in graphiql/)`);
}

/**
 * GraphiQL's page as the render-graphiql package writes it (everything inline), cut into its stylesheet and
 * its script; the script reads its options from `window.GRAPHIQL_OPTIONS`, which the Worker's small page
 * sets. Fails loudly if a newer package writes the page differently.
 */
function splitGraphiQL(): { css: string; script: string } {
  const SENTINEL = { graphiqlOptionsSentinel: true };
  const html = renderGraphiQL(SENTINEL as never);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
  const sentinel = JSON.stringify(SENTINEL);
  const body = scripts[0]?.[1];
  if (!style?.[1] || scripts.length !== 1 || !body || body.split(sentinel).length !== 2) {
    throw new Error('render-graphiql no longer writes one <style> and one <script> with the options inline');
  }
  return { css: style[1], script: body.replace(sentinel, 'window.GRAPHIQL_OPTIONS') };
}
