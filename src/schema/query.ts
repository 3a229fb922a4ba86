import { builder } from '../builder';

builder.queryType({
  description: 'The read-only entry points into the knowledge base.',
});
