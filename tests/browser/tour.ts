// The explorer in a real browser (Debian's Chromium through playwright-core) against the real API on the
// seeded data, on the Node server and on the Worker (`--target node|worker|all`, default all): a scripted
// tour whose every expectation is read from the API itself, page by page, by keyboard where a user would
// type; every non-loopback request is blocked and counted (must be 0); axe-core finds no serious or
// critical violation on any page, at 1280 px and at 375 px (where nothing may overflow sideways); and,
// on Node, API errors (bad ID, cost, rate limit) show their code and request id. `--screenshots <dir>`
// also saves each page at both widths. Exits non-zero on the first failure.
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { startNode, startWorker, type Target } from './targets';

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 375, height: 740 };

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(128 + constants.signals[sig]));

function check(ok: unknown, what: string): asserts ok {
  if (!ok) throw new Error(`expected: ${what}`);
  console.log(`  ok  ${what}`);
}

export function isLoopback(url: string): boolean {
  const u = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field below
type Json = any;

async function api(base: string, query: string, variables: Record<string, unknown> = {}): Promise<Json> {
  const res = await fetch(`${base}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Json;
  if (body.errors) throw new Error(`API: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  foreign: string[];
  errors: string[];
}

/** A browser context whose requests may only go to loopback: the rest are aborted and recorded. */
export async function session(browser: Browser, viewport = DESKTOP): Promise<Session> {
  const context = await browser.newContext({ viewport });
  const foreign: string[] = [];
  await context.route(
    (url) => !isLoopback(url.href),
    (route) => {
      foreign.push(route.request().url());
      return route.abort();
    },
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('dialog', (d) => {
    errors.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { context, page, foreign, errors };
}

/** axe-core's serious and critical violations on the current page. */
export async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  const found: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] = await page.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected above
    async () => (await (window as any).axe.run(document, { resultTypes: ['violations'] })).violations,
  );
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens `hash` and waits until the page is no longer loading. */
async function open(page: Page, base: string, hash: string): Promise<void> {
  await page.goto(`${base}${hash}`);
  await settle(page);
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('main [role="status"]'), undefined, { timeout: 30_000 });
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').trim();
const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

/** The pages of the tour, as (name, hash): the screenshots and the axe and width checks visit each. */
export const PAGES: [string, string][] = [];

export async function tour(target: Target, browser: Browser): Promise<void> {
  const { base } = target;
  const s = await session(browser);
  const { page } = s;
  const visited = new Set<string>();
  const remember = (name: string) => {
    const hash = new URL(page.url()).hash;
    if (!visited.has(name)) {
      visited.add(name);
      PAGES.push([name, hash]);
    }
  };

  // 1. Search without diacritics, typed key by key.
  const search = await api(
    base,
    `query($q: String!) { search(query: $q, first: 10) { totalCount edges { highlights { start } node { __typename ... on Person { slug name } } } } }`,
    { q: 'luu duc minh' },
  );
  const top = search.search.edges[0];
  await open(page, base, '');
  await page.locator('#q').focus();
  await page.keyboard.type('luu duc minh', { delay: 20 });
  // Under load the debounce may fire between keys: wait for the answer to the whole query.
  await page.waitForFunction(() => document.querySelector('[aria-live]')?.textContent?.includes('“luu duc minh”'));
  await page.locator('.results li').first().waitFor();
  check(page.url().includes('q=luu+duc+minh'), 'the search is in the URL');
  const firstLink = page.locator('.results li a').first();
  check((await firstLink.textContent())?.trim() === top.node.name, `first result is ${top.node.name}`);
  check(
    (await firstLink.getAttribute('href'))?.startsWith(`#/person/${top.node.slug}`),
    'first result links to the person page',
  );
  const marks = await page.locator('.results li').first().locator('.snippet mark').count();
  check(marks === top.highlights.length, `its snippet marks the ${top.highlights.length} matched words`);
  check(
    (await texts(page, '.results li')).length === Math.min(10, search.search.totalCount),
    'a page of results is listed',
  );
  remember('search');

  // 2. The person page, opened by keyboard.
  const slug = top.node.slug as string;
  const person = (
    await api(
      base,
      `query($slug: String!) { person(slug: $slug) { name roles(first: 50) { edges { node { title article { slug } mention { start end } } } }
        quotes(first: 20) { edges { node { text event { slug title date datePrecision } mention { start end article { slug text } } } } } } }`,
      { slug },
    )
  ).person;
  await firstLink.focus();
  await page.keyboard.press('Enter');
  await page.locator('.person h1').waitFor();
  await settle(page);
  check((await text(page, '.person h1')) === person.name, `person page shows ${person.name}`);
  const roles = person.roles.edges.map((e: Json) => e.node);
  check((await page.locator('.roles > li').count()) === roles.length, `all ${roles.length} roles are listed`);
  const roleArticles = new Set(roles.map((r: Json) => r.article.slug));
  check(roleArticles.size >= 2, `the roles come from ${roleArticles.size} articles`);
  for (const r of roles) {
    const link = page.locator(`.roles a[href*="article/${r.article.slug}?mark=${r.mention.start}-${r.mention.end}"]`);
    check((await link.count()) === 1, `role "${r.title}" links to its sentence in ${r.article.slug}`);
  }
  remember('person');

  // 3. A quote, opened in its article: the span is marked and scrolled into view.
  const quote = person.quotes.edges[0].node;
  const qm = quote.mention;
  await page.locator(`.quote a[href*="mark=${qm.start}-${qm.end}"]`).first().click();
  await page.locator('#marked').waitFor();
  await settle(page);
  const marked = (await texts(page, '.text mark.fact')).join('');
  const expected = qm.article.text.slice(qm.start, qm.end);
  check(
    marked === expected,
    `the quote’s span is marked in the article text (${marked.length}/${expected.length} chars)`,
  );
  check(quote.text.length > 0 && marked.includes(quote.text.slice(0, 40)), 'the marked span is the quote');
  await page.waitForFunction(
    () => {
      const r = document.getElementById('marked')?.getBoundingClientRect();
      return r !== undefined && r.top >= 0 && r.top < innerHeight;
    },
    undefined,
    { timeout: 10_000 },
  );
  check(await page.evaluate(() => scrollY > 0), 'the marked span is scrolled into view');
  check((await page.locator('details.chrome').count()) > 0, 'the page chrome is folded away, apart from the content');
  check((await page.locator('.text .content a.m').count()) > 10, 'entity mentions in the text are links');
  remember('article');

  // The back button returns to the person page.
  await page.goBack();
  await page.locator('.person h1').waitFor();
  check((await text(page, '.person h1')) === person.name, 'back returns to the person page');

  // 4. The event the quote was said at, and who took part.
  const ev = quote.event;
  const event = (
    await api(
      base,
      `query($slug: String!) { event(slug: $slug) { title participants(first: 100) { edges { node { role person { name } organization { name } } } } } }`,
      { slug: ev.slug },
    )
  ).event;
  await page.locator(`.quote-group h3 a[href^="#/event/${ev.slug}"]`).first().click();
  await page.locator('.event h1').waitFor();
  await settle(page);
  check((await text(page, '.event h1')) === event.title, `the event page shows "${event.title}"`);
  const shown = (await texts(page, '.role-group li')).join('\n');
  for (const { node: p } of event.participants.edges) {
    const name = p.person?.name ?? p.organization?.name;
    check(shown.includes(name), `participant ${name} (${p.role}) is listed`);
  }
  const roleHeads = await texts(page, '.role-group h3');
  const roleSet = new Set(event.participants.edges.map((e: Json) => e.node.role));
  check(roleHeads.length === roleSet.size, 'participants are grouped by role');
  remember('event');

  // 5. The person's timeline, in date order.
  const tl = (
    await api(base, `query($s: ID) { timeline(subject: $s, first: 100) { edges { node { date } } } }`, { s: slug })
  ).timeline.edges.map((e: Json) => e.node.date);
  await open(page, base, `#/timeline?subject=${slug}`);
  const dates = await page
    .locator('.timeline-list time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
  check(JSON.stringify(dates) === JSON.stringify(tl), `the timeline lists the ${tl.length} entries the API gives`);
  check(
    dates.every((d, i) => i === 0 || (dates[i - 1] ?? '') <= (d ?? '')),
    'the timeline is in date order',
  );
  check((await page.locator('.chart svg a').count()) === tl.length, 'each entry is drawn on the time axis');
  remember('timeline');

  // 6. The path from him to Kim Hyun Jun, with the evidence on each step.
  const to = 'kim-hyun-jun';
  const path = (
    await api(
      base,
      `query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { found length hops { event { slug } article { slug } evidence { text } } } }`,
      { a: slug, b: to },
    )
  ).path;
  check(path.found, 'the API finds a path');
  await open(page, base, `#/connections?from=${slug}&to=${to}`);
  await page.locator('.hops > li').first().waitFor();
  check((await page.locator('.hops > li').count()) === path.length, `the path has ${path.length} steps`);
  const hopsText = (await texts(page, '.hops > li')).join('\n');
  for (const hop of path.hops) {
    for (const e of hop.evidence) check(hopsText.includes(e.text), `evidence “${e.text.slice(0, 40)}…” is shown`);
    const via = hop.event ? `event/${hop.event.slug}` : `article/${hop.article.slug}`;
    check((await page.locator(`.hops a[href^="#/${via}"]`).count()) > 0, `the step links to its ${via}`);
  }
  check((await page.locator('.graph svg circle.node').count()) >= path.length + 1, 'the path is drawn as a graph');
  remember('connections');

  // 7. The conflict over the decision's number: both claims, side by side, each with its span.
  const conflicts = (
    await api(
      base,
      `{ conflicts(first: 50) { edges { node { slug subject { __typename } claims(first: 10) { edges { node { value mention { text } } } } } } } }`,
    )
  ).conflicts.edges.map((e: Json) => e.node);
  const decision = conflicts.find((c: Json) => c.subject?.__typename === 'Document');
  check(decision, 'the API has a conflict over a document');
  await open(page, base, '#/conflicts');
  const card = page.locator(`#conflict-${decision.slug}`);
  const values = (await card.locator('.claim .value').allTextContents()).map((v) => v.trim());
  const claims = decision.claims.edges.map((e: Json) => e.node);
  check(
    JSON.stringify(values) === JSON.stringify(claims.map((c: Json) => c.value)),
    `both claims are shown: ${values.join(' vs ')}`,
  );
  const boxes = await card.locator('.claim').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  check(boxes.length >= 2 && boxes.every((y) => Math.abs(y - (boxes[0] ?? 0)) < 2), 'the claims stand side by side');
  const spans = (await card.locator('.claim mark').allTextContents()).map((v) => v.trim());
  check(
    claims.every((c: Json) => spans.includes(c.mention.text)),
    'each claim shows its source span',
  );
  remember('conflicts');

  // 8. English, and saying so where the API has none.
  const enEvent = (
    await api(base, `query($s: String!) { event(slug: $s) { title(lang: EN) titleEn } }`, { s: ev.slug })
  ).event;
  await open(page, base, `#/event/${ev.slug}?lang=en`);
  check((await page.getAttribute('html', 'lang')) === 'en', 'the page is in English');
  const h1 = await text(page, '.event h1');
  check(h1.startsWith(enEvent.title), 'the event title is the API’s English form (or its fallback)');
  check(h1.includes('Vietnamese only') === (enEvent.titleEn === null), 'a title without an English form says so');

  // 9. Unknown pages, hostile input, a bad ID.
  await open(page, base, '#/person/no-such-person');
  check((await page.locator('.notfound').count()) === 1, 'an unknown slug shows the not-found page');
  remember('not-found');
  await open(page, base, '#/nowhere/at/all');
  check((await page.locator('.notfound').count()) === 1, 'an unknown route shows the not-found page');
  const hostile = `<img src=x onerror=alert(1)>"'&amp; </script>`;
  await open(page, base, '');
  await page.locator('#q').fill(hostile);
  await page.locator('.typed').first().waitFor();
  await settle(page);
  check((await page.locator('.typed').first().textContent()) === hostile, 'a hostile search string is shown as typed');
  check((await page.locator('main img').count()) === 0, 'and nothing of it is rendered as HTML');
  await open(page, base, '#/timeline?subject=!!');
  await page.locator('.error').waitFor();
  const err = await text(page, '.error');
  check(/BAD_USER_INPUT/.test(err) && /[0-9a-f-]{36}/.test(err), 'a bad ID shows its code and request id');
  remember('error');

  // 10. GraphiQL at /graphql, from the server's own files (no CDN: foreign requests are counted below).
  await page.goto(`${base}graphql`);
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 60_000 });
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(
    () => document.querySelector('.graphiql-response')?.textContent?.includes('"articles"'),
    undefined,
    {
      timeout: 30_000,
    },
  );
  check(true, 'GraphiQL renders at /graphql and runs its default query');

  // 11. Every page: no serious accessibility violation, and usable at 375 px.
  for (const [name, hash] of PAGES) {
    await open(page, base, hash);
    const found = await axe(page);
    check(
      found.length === 0,
      `axe: no serious/critical violation on ${name}${found.length ? `\n${found.join('\n')}` : ''}`,
    );
  }
  const m = await session(browser, MOBILE);
  for (const [name, hash] of PAGES) {
    await open(m.page, base, hash);
    const width = await m.page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= MOBILE.width, `${name} fits 375 px (scroll width ${width})`);
    const found = await axe(m.page);
    check(found.length === 0, `axe at 375 px: none on ${name}${found.length ? `\n${found.join('\n')}` : ''}`);
  }

  for (const x of [s, m]) {
    check(x.foreign.length === 0, `no request left the machine (${x.foreign.join(', ') || 'none'})`);
    check(x.errors.length === 0, `no page error or dialog (${x.errors.join('; ') || 'none'})`);
    await x.context.close();
  }
}

/** On a server with tight limits: a too-expensive page and a client over its budget, shown readably. */
async function errorTour(browser: Browser): Promise<void> {
  const target = await startNode({ MAX_QUERY_COST: '200', COST_BUDGET: '300', COST_RESTORE_RATE: '1' });
  try {
    const { page, context, foreign } = await session(browser);
    await open(page, target.base, '#/person/luu-duc-minh');
    await page.locator('.error').waitFor();
    const cost = await text(page, '.error');
    check(/COST_LIMIT_EXCEEDED/.test(cost) && /[0-9a-f-]{36}/.test(cost), 'cost exceeded: code and request id shown');
    let limited = '';
    for (let i = 0; i < 30 && !limited; i++) {
      const q = `${['minh', 'vkc', 'seoul', 'hue', 'kim'][i % 5]}${i}`;
      await open(page, target.base, `#/search?q=${q}`);
      // This search's answer (or an error), not the previous one still on screen.
      await page.waitForFunction(
        (typed) =>
          document.querySelector('.error') !== null ||
          [...document.querySelectorAll('.typed')].some((e) => e.textContent === typed),
        q,
      );
      const e = page.locator('.error');
      if ((await e.count()) > 0) limited = (await e.first().textContent()) ?? '';
    }
    check(
      /RATE_LIMITED/.test(limited) && /[0-9a-f-]{36}/.test(limited),
      `rate limited: code and request id shown (${limited || (await text(page, 'main'))})`,
    );
    check(foreign.length === 0, 'no request left the machine');
    await context.close();
  } finally {
    await target.stop();
  }
}

async function main(): Promise<void> {
  const which = process.argv.includes('--target') ? process.argv[process.argv.indexOf('--target') + 1] : 'all';
  const browser = await launchChromium();
  try {
    for (const [name, start] of [
      ['node', () => startNode()],
      ['worker', startWorker],
    ] as const) {
      if (which !== 'all' && which !== name) continue;
      console.log(`tour on ${name}:`);
      const started = performance.now();
      const target = await start();
      try {
        PAGES.length = 0;
        await tour(target, browser);
        if (name === 'node') await errorTour(browser);
      } finally {
        await target.stop();
      }
      console.log(`tour on ${name}: passed in ${Math.round((performance.now() - started) / 1000)} s`);
    }
  } finally {
    await browser.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(`browser tour FAILED: ${(err as Error).stack ?? err}`);
      process.exit(1);
    },
  );
}
