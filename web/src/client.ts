// The one GraphQL client: urql with graphcache's normalized cache. Entities are keyed by slug (unique per
// type, always selected), records without an id are stored inside their parent, and every list the pages
// page through merges its pages Relay-style (relayPagination), so "load more" appends to the cached list.

import { keyless, possibleTypes } from 'virtual:schema-types';
import { Client, fetchExchange } from '@urql/core';
import { cacheExchange, type KeyingConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';

const keys: KeyingConfig = {};
for (const type of keyless) keys[type] = () => null;
for (const type of possibleTypes.Node ?? []) {
  keys[type] = (data) => (data.slug as string | undefined) ?? (data.id as string | undefined) ?? null;
}

export const client = new Client({
  url: '/graphql',
  // POST with a JSON body: it passes the API's CSRF check even when the browser sends cookies for the host.
  preferGetMethod: false,
  requestPolicy: 'cache-first',
  exchanges: [
    cacheExchange({
      keys,
      possibleTypes,
      resolvers: {
        Query: { search: relayPagination(), timeline: relayPagination() },
        Article: { mentions: relayPagination() },
        Person: { quotes: relayPagination(), articles: relayPagination(), events: relayPagination() },
      },
    }),
    fetchExchange,
  ],
});
