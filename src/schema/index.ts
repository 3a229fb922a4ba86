// Imports every type module (each registers itself on the builder), then prints the schema.
import { builder } from '../builder';
import './scalars';
import './query';
import './article';

export const schema = builder.toSchema({ sortSchema: true });
