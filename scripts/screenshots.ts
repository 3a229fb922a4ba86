// `npm run screenshots`: every explorer page at 1280 px and at 375 px, against the Node server on the
// seeded data, into docs/screenshots/<page>-desktop.png and <page>-mobile.png (the README shows the
// desktop ones). Requests may only go to loopback, as in the browser tour.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startNode } from '../tests/browser/targets';
import { session } from '../tests/browser/tour';
import { launchChromium } from './chromium';
import { ROOT } from './wrangler';

const OUT = join(ROOT, 'docs', 'screenshots');
const PAGES: [string, string][] = [
  ['search', '#/search?q=luu+duc+minh'],
  ['person', '#/person/luu-duc-minh'],
  ['article', '#/article/vkc-hoi-nghi-trien-khai-2024?mark=5384-5835'],
  ['event', '#/event/hoi-nghi-trien-khai-vkc-2024'],
  ['timeline', '#/timeline'],
  ['connections', '#/connections?from=luu-duc-minh&to=kim-hyun-jun'],
  ['conflicts', '#/conflicts'],
];
const SIZES = { desktop: { width: 1280, height: 900 }, mobile: { width: 375, height: 740 } };

mkdirSync(OUT, { recursive: true });
const target = await startNode();
const browser = await launchChromium();
let failed = false;
try {
  for (const [size, viewport] of Object.entries(SIZES)) {
    const s = await session(browser, viewport);
    for (const [name, hash] of PAGES) {
      await s.page.goto(`${target.base}${hash}`);
      await s.page.waitForFunction(
        () => !document.querySelector('main [role="status"]') && document.querySelector('main h1'),
      );
      await s.page.waitForTimeout(300);
      const path = join(OUT, `${name}-${size}.png`);
      await s.page.screenshot({ path });
      console.log(`docs/screenshots/${name}-${size}.png`);
    }
    if (s.foreign.length > 0) throw new Error(`requests left the machine: ${s.foreign.join(', ')}`);
    await s.context.close();
  }
} catch (err) {
  failed = true;
  console.error(`screenshots FAILED: ${(err as Error).stack ?? err}`);
} finally {
  await browser.close();
  await target.stop();
}
process.exit(failed ? 1 : 0);
