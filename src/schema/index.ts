// Imports every type module (each registers itself on the builder), then builds the schema.
import { builder } from '../builder';
import { describeGenerated } from './describe';
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
import './timeline';
import './path';
import './dataset';

export const schema = describeGenerated(builder.toSchema({ sortSchema: true }));
