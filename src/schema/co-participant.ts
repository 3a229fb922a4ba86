import { builder } from '../builder';
import { Connections } from './connections';

builder.drizzleObject('coParticipants', {
  name: 'CoParticipant',
  description: 'Another person who took part in the same events.',
  // Only the columns the query asks for.
  select: {},
  fields: (t) => ({
    person: t.relation('other', { description: 'The other person.' }),
    sharedCount: t.exposeInt('sharedCount', { description: 'How many events they share.' }),
    sharedEvents: t.relatedConnection(
      'sharedEvents',
      {
        description: 'The shared events, oldest first.',
        query: { orderBy: { sortDate: 'asc', id: 'asc' } },
        totalCount: true,
      },
      Connections.Event,
    ),
  }),
});
