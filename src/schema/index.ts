// Imports every type module (each registers itself on the builder), then builds the schema.
import { builder } from '../builder';
import './scalars';
import './query';
import './enums';
import './mention';
import './entity';
import './article';
import './person';
import './role';
import './organization';
import './place';
import './document';
import './project';
import './event';
import './quote';
import './conflict';
import './related-article';
import './co-participant';
import './search';

export const schema = builder.toSchema({ sortSchema: true });
