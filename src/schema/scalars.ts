import { GraphQLScalarType, type StringValueNode } from 'graphql';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { builder } from '../builder';

// graphql-scalars' Date parses an input into a JS Date, which SQL would bind as a number (and a TEXT
// column compares greater than any number, so `date >= ?` always held and `date <= ?` never did). Same
// validation, but the input stays the 'YYYY-MM-DD' string the columns hold, as SchemaTypes declares.
builder.addScalarType(
  'Date',
  new GraphQLScalarType({
    ...DateResolver.toConfig(),
    parseValue(value) {
      DateResolver.parseValue(value);
      return value;
    },
    parseLiteral(ast, variables) {
      DateResolver.parseLiteral(ast, variables);
      return (ast as StringValueNode).value;
    },
  }),
);

// graphql-scalars' DateTime validates RFC 3339 but serializes in UTC, which would drop the offset the
// source printed ("19:30 (GMT+7)"). Same validation, but the value goes out as stored.
builder.addScalarType(
  'DateTime',
  new GraphQLScalarType({
    ...DateTimeResolver.toConfig(),
    description: 'An RFC 3339 date-time with the UTC offset the source states, e.g. `2021-09-10T19:30:00+07:00`.',
    serialize(value) {
      DateTimeResolver.serialize(value);
      return value;
    },
  }),
);
