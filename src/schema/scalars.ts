import { GraphQLScalarType } from 'graphql';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { builder } from '../builder';

builder.addScalarType('Date', DateResolver);

// graphql-scalars' DateTime validates RFC 3339 but serializes in UTC, which would drop the offset the
// source printed ("19:30 (GMT+7)"). Same validation, but the value goes out as stored.
builder.addScalarType(
  'DateTime',
  new GraphQLScalarType({
    ...DateTimeResolver.toConfig(),
    description:
      'An RFC 3339 date-time with the UTC offset the source states, e.g. `2021-09-10T19:30:00+07:00`.',
    serialize(value) {
      DateTimeResolver.serialize(value);
      return value;
    },
  }),
);
