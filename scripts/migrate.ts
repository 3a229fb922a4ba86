// Applies pending migrations to LIBSQL_URL (default: the embedded database in .data/).
import { createClient } from '@libsql/client';
import { nodeConfig } from '../src/config';
import { migrate } from '../src/db/migrate';

const { url, authToken } = nodeConfig();
const client = createClient({ url, authToken });
const applied = await migrate(client);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
client.close();
