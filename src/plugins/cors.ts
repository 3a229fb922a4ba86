// CORS itself is Yoga's (src/app.ts `cors`); with any origin allowed and no credentials, this answers
// the literal `Access-Control-Allow-Origin: *` without `Vary: Origin`, so shared caches keep one copy of
// an answer instead of one per origin.
import type { Plugin } from 'graphql-yoga';

export function useAnyOriginCors(anyOrigin: boolean): Plugin {
  return {
    onResponse({ response }) {
      const headers = response.headers;
      if (!anyOrigin || !headers.has('access-control-allow-origin')) return;
      headers.set('access-control-allow-origin', '*');
      const vary = (headers.get('vary') ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v && v.toLowerCase() !== 'origin');
      if (vary.length) headers.set('vary', vary.join(', '));
      else headers.delete('vary');
    },
  };
}
