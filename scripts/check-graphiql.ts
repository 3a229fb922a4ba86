// `npm run check:graphiql`: proves that GraphiQL on the Node server really works offline. Starts
// src/server.ts on a free port with a throwaway database, measures spawn → first 200 to `{ __typename }`,
// then drives Debian's Chromium: the editor renders, the default query runs, the result shows "articles",
// and no request leaves the loopback interface. Exits non-zero on any failure; always stops the server.
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { type RunningServer, startServer } from './server-process';

const STARTUP_LIMIT_MS = 10_000;

let server: RunningServer | undefined;
let browser: Browser | undefined;

// Whatever happens to this process, the server and its database go with it (startServer kills it on exit).
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(128 + constants.signals[sig]));

function isLoopback(url: string): boolean {
  const u = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

async function main(): Promise<void> {
  const started = performance.now();
  server = await startServer();
  const startupMs = performance.now() - started;
  const endpoint = server.url;
  console.log(
    `server: spawn → first 200 to { __typename } in ${Math.round(startupMs)} ms (limit ${STARTUP_LIMIT_MS} ms)`,
  );
  const ready = server
    .log()
    .split('\n')
    .find((l) => l.includes('ready'));
  if (ready) console.log(`server: ${ready.trim()}`);
  if (startupMs > STARTUP_LIMIT_MS) throw new Error(`server startup took ${Math.round(startupMs)} ms`);

  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const requests: string[] = [];
  context.on('request', (req) => {
    requests.push(req.url());
  });
  // Still recorded above; aborting just makes a stray CDN fetch fail fast instead of hanging.
  await context.route(
    (url) => !isLoopback(url.href),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => {
    pageErrors.push(err.message);
  });

  await page.goto(endpoint, { waitUntil: 'load' });
  const editor = page.locator('.graphiql-query-editor .monaco-editor');
  await editor.waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.graphiql-query-editor').getByText('articles').first().waitFor({ timeout: 30_000 });
  console.log('graphiql: editor rendered with the default query');

  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(
    () => document.querySelector('.graphiql-response')?.textContent?.includes('"articles"') ?? false,
    undefined,
    { timeout: 30_000 },
  );
  const result = (await page.locator('.graphiql-response').textContent()) ?? '';
  if (/"errors"/.test(result)) throw new Error(`the default query answered with errors:\n${result.slice(0, 2000)}`);
  console.log('graphiql: default query ran, result pane shows "articles"');

  const shot = join(tmpdir(), `graphiql-${Date.now()}.png`);
  await page.screenshot({ path: shot });
  console.log(`graphiql: screenshot ${shot}`);

  const foreign = requests.filter((u) => !isLoopback(u));
  console.log(`graphiql: ${requests.length} browser requests, ${foreign.length} to non-loopback hosts`);
  if (foreign.length > 0) throw new Error(`requests left the machine:\n  ${foreign.join('\n  ')}`);
  if (pageErrors.length > 0) throw new Error(`uncaught errors in the page:\n  ${pageErrors.join('\n  ')}`);
}

let failed = false;
try {
  await main();
  console.log('check:graphiql ok');
} catch (err) {
  failed = true;
  console.error(`check:graphiql FAILED: ${(err as Error).stack ?? err}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
}
process.exit(failed ? 1 : 0);
