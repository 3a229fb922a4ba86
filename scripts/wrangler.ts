// How the scripts run wrangler: with this Node (24, from the `node` devDependency; the system Node is too
// old for wrangler) and with its network chatter (request.cf fetch, metrics) switched off.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WRANGLER_JS = fileURLToPath(new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url));

/** argv for spawn(): `[process.execPath, [wrangler.js, ...args]]`. */
export function wranglerCommand(args: string[]): [string, string[]] {
  return [process.execPath, [WRANGLER_JS, ...args]];
}

export function wranglerEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? 'false',
    WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? 'false',
    ...extra,
  };
}
