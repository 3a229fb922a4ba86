// Per-article counts of the curated seed and the entities that appear in more than one article.
import { createClient } from '@libsql/client';
import { loadSeed } from '../src/seed/load';

const client = createClient({ url: ':memory:' });
await loadSeed(client);
const perArticle = await client.execute(`
  SELECT substr(a.source_file, 1, 3) AS article, a.slug,
    (SELECT count(*) FROM event_reports r WHERE r.article_id = a.id) AS events,
    (SELECT count(*) FROM article_people x WHERE x.article_id = a.id) AS people,
    (SELECT count(*) FROM quotes q WHERE q.article_id = a.id AND q.kind = 'DIRECT') AS direct,
    (SELECT count(*) FROM quotes q WHERE q.article_id = a.id AND q.kind = 'INDIRECT') AS indirect,
    (SELECT count(*) FROM article_organizations x WHERE x.article_id = a.id) AS orgs,
    (SELECT count(*) FROM article_places x WHERE x.article_id = a.id) AS places,
    (SELECT count(*) FROM article_documents x WHERE x.article_id = a.id) AS documents,
    (SELECT count(*) FROM article_projects x WHERE x.article_id = a.id) AS projects,
    (SELECT count(*) FROM mentions m WHERE m.article_id = a.id AND m.kind = 'ENTITY') AS mentions,
    (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS spans,
    (SELECT count(DISTINCT conflict_id) FROM conflict_claims c WHERE c.article_id = a.id) AS conflicts
  FROM articles a ORDER BY a.source_file`);
console.table(perArticle.rows);
const shared = await client.execute(`
  SELECT kind, name, group_concat(article, ', ') AS articles FROM (
    SELECT 'person' AS kind, p.name, substr(a.source_file, 1, 3) AS article FROM article_people x JOIN people p ON p.id = x.person_id JOIN articles a ON a.id = x.article_id
    UNION ALL SELECT 'organization', o.name, substr(a.source_file, 1, 3) FROM article_organizations x JOIN organizations o ON o.id = x.organization_id JOIN articles a ON a.id = x.article_id
    UNION ALL SELECT 'place', o.name, substr(a.source_file, 1, 3) FROM article_places x JOIN places o ON o.id = x.place_id JOIN articles a ON a.id = x.article_id
    UNION ALL SELECT 'document', coalesce(o.code, o.slug), substr(a.source_file, 1, 3) FROM article_documents x JOIN documents o ON o.id = x.document_id JOIN articles a ON a.id = x.article_id
    UNION ALL SELECT 'project', o.slug, substr(a.source_file, 1, 3) FROM article_projects x JOIN projects o ON o.id = x.project_id JOIN articles a ON a.id = x.article_id
    UNION ALL SELECT 'event', e.slug, substr(a.source_file, 1, 3) FROM event_reports x JOIN events e ON e.id = x.event_id JOIN articles a ON a.id = x.article_id
  ) GROUP BY kind, name HAVING count(*) > 1 ORDER BY kind, count(*) DESC, name`);
console.table(shared.rows);
client.close();
