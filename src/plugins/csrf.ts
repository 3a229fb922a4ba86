// CSRF prevention (Yoga's plugin) for requests that carry credentials (cookies): only those can ride on a
// user's session. This API sets no cookies and allows no credentials in CORS, so it is defence in depth
// for deployments next to cookie-using sites; requests without cookies pass untouched.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';

export function useCsrfForCookies(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight'] });
  return {
    onRequestParse(payload) {
      if (payload.request.headers.has('cookie')) return csrf.onRequestParse?.(payload as never);
    },
  };
}
