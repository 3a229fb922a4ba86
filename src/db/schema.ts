// Drizzle mirror of migrations/*.sql (the SQL files are the source of truth; tests/node/db-schema-agreement.test.ts
// checks that columns, types, nullability, keys, unique constraints and foreign keys agree).
// camelCase in TypeScript, snake_case in SQL.
import { type AnySQLiteColumn, integer, primaryKey, real, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';

// Factories, not shared objects: a column builder must not be reused across tables.
const span = () => ({
  start: integer('start').notNull(),
  end: integer('end').notNull(),
});
const spanWithText = () => ({
  ...span(),
  text: text('text').notNull(),
  mentionId: integer('mention_id')
    .notNull()
    .references((): AnySQLiteColumn => mentions.id),
});

export const articles = sqliteTable('articles', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  sourceFile: text('source_file').notNull().unique(),
  body: text('body').notNull(),
  languages: text('languages').notNull(),
  title: text('title').notNull(),
  titleStart: integer('title_start').notNull(),
  titleEnd: integer('title_end').notNull(),
  titleMentionId: integer('title_mention_id')
    .notNull()
    .references((): AnySQLiteColumn => mentions.id),
  titleEn: text('title_en'),
  titleEnStart: integer('title_en_start'),
  titleEnEnd: integer('title_en_end'),
  titleEnMentionId: integer('title_en_mention_id').references((): AnySQLiteColumn => mentions.id),
  publishedLocal: text('published_local'),
  publishedOffset: text('published_offset'),
  publishedDate: text('published_date'),
  sortDate: text('sort_date').notNull(),
  publishedStart: integer('published_start'),
  publishedEnd: integer('published_end'),
  publishedMentionId: integer('published_mention_id').references((): AnySQLiteColumn => mentions.id),
  publisherId: integer('publisher_id').references((): AnySQLiteColumn => organizations.id),
  publisherStart: integer('publisher_start'),
  publisherEnd: integer('publisher_end'),
  publisherMentionId: integer('publisher_mention_id').references((): AnySQLiteColumn => mentions.id),
  added: text('added'),
  url: text('url'),
});

export const articleContent = sqliteTable(
  'article_content',
  {
    articleId: integer('article_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    ordinal: integer('ordinal').notNull(),
    lang: text('lang').notNull(),
    ...span(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.ordinal] })],
);

export const people = sqliteTable('people', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameFolded: text('name_folded').notNull(),
  namesFolded: text('names_folded').notNull(),
  honorifics: text('honorifics', { mode: 'json' }).$type<string[]>().notNull(),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
  country: text('country'),
});

export const organizations = sqliteTable('organizations', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  nameFolded: text('name_folded').notNull(),
  namesFolded: text('names_folded').notNull(),
  acronyms: text('acronyms', { mode: 'json' }).$type<string[]>().notNull(),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
  kind: text('kind').notNull(),
  country: text('country'),
  parentId: integer('parent_id').references((): AnySQLiteColumn => organizations.id),
});

export const places = sqliteTable('places', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  nameFolded: text('name_folded').notNull(),
  namesFolded: text('names_folded').notNull(),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
  kind: text('kind').notNull(),
  country: text('country'),
  parentId: integer('parent_id').references((): AnySQLiteColumn => places.id),
});

export const documents = sqliteTable('documents', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  kind: text('kind').notNull(),
  code: text('code'),
  title: text('title'),
  titleEn: text('title_en'),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
  namesFolded: text('names_folded').notNull(),
  issuerId: integer('issuer_id').references((): AnySQLiteColumn => organizations.id),
  date: text('date'),
  datePrecision: text('date_precision'),
});

export const projects = sqliteTable('projects', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  nameFolded: text('name_folded').notNull(),
  namesFolded: text('names_folded').notNull(),
  acronyms: text('acronyms', { mode: 'json' }).$type<string[]>().notNull(),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
  funding: text('funding'),
  periodStart: text('period_start'),
  periodEnd: text('period_end'),
});

export const projectComponents = sqliteTable(
  'project_components',
  {
    id: integer('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references((): AnySQLiteColumn => projects.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
  },
  (t) => [unique().on(t.projectId, t.number)],
);

export const projectPartners = sqliteTable(
  'project_partners',
  {
    projectId: integer('project_id')
      .notNull()
      .references((): AnySQLiteColumn => projects.id),
    organizationId: integer('organization_id')
      .notNull()
      .references((): AnySQLiteColumn => organizations.id),
    role: text('role'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.organizationId] })],
);

export const events = sqliteTable('events', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  date: text('date'),
  datePrecision: text('date_precision'),
  sortDate: text('sort_date').notNull(),
  dateInferred: integer('date_inferred', { mode: 'boolean' }).notNull(),
  dateArticleId: integer('date_article_id').references((): AnySQLiteColumn => articles.id),
  dateStart: integer('date_start'),
  dateEnd: integer('date_end'),
  dateText: text('date_text'),
  dateMentionId: integer('date_mention_id').references((): AnySQLiteColumn => mentions.id),
  partOfDay: text('part_of_day'),
  online: integer('online', { mode: 'boolean' }).notNull(),
  placeId: integer('place_id').references((): AnySQLiteColumn => places.id),
  parentId: integer('parent_id').references((): AnySQLiteColumn => events.id),
  projectId: integer('project_id').references((): AnySQLiteColumn => projects.id),
});

export const eventDocuments = sqliteTable(
  'event_documents',
  {
    eventId: integer('event_id')
      .notNull()
      .references((): AnySQLiteColumn => events.id),
    documentId: integer('document_id')
      .notNull()
      .references((): AnySQLiteColumn => documents.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.documentId] })],
);

export const eventReports = sqliteTable(
  'event_reports',
  {
    eventId: integer('event_id')
      .notNull()
      .references((): AnySQLiteColumn => events.id),
    articleId: integer('article_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    ...spanWithText(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.articleId] })],
);

export const eventParticipants = sqliteTable('event_participants', {
  id: integer('id').primaryKey(),
  eventId: integer('event_id')
    .notNull()
    .references((): AnySQLiteColumn => events.id),
  personId: integer('person_id').references((): AnySQLiteColumn => people.id),
  organizationId: integer('organization_id').references((): AnySQLiteColumn => organizations.id),
  role: text('role').notNull(),
  articleId: integer('article_id')
    .notNull()
    .references((): AnySQLiteColumn => articles.id),
  ...spanWithText(),
  participationId: integer('participation_id').references((): AnySQLiteColumn => participations.id),
});

export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    personId: integer('person_id')
      .notNull()
      .references((): AnySQLiteColumn => people.id),
    ordinal: integer('ordinal').notNull(),
    ...spanWithText(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.personId] })],
);

export const roles = sqliteTable('roles', {
  id: integer('id').primaryKey(),
  personId: integer('person_id')
    .notNull()
    .references((): AnySQLiteColumn => people.id),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  organizationId: integer('organization_id').references((): AnySQLiteColumn => organizations.id),
  articleId: integer('article_id')
    .notNull()
    .references((): AnySQLiteColumn => articles.id),
  ...spanWithText(),
});

export const quotes = sqliteTable('quotes', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  kind: text('kind').notNull(),
  text: text('text').notNull(),
  speakerId: integer('speaker_id')
    .notNull()
    .references((): AnySQLiteColumn => people.id),
  roleId: integer('role_id').references((): AnySQLiteColumn => roles.id),
  eventId: integer('event_id').references((): AnySQLiteColumn => events.id),
  articleId: integer('article_id')
    .notNull()
    .references((): AnySQLiteColumn => articles.id),
  ...span(),
  mentionId: integer('mention_id')
    .notNull()
    .references((): AnySQLiteColumn => mentions.id),
});

export const quoteDocuments = sqliteTable(
  'quote_documents',
  {
    quoteId: integer('quote_id')
      .notNull()
      .references((): AnySQLiteColumn => quotes.id),
    documentId: integer('document_id')
      .notNull()
      .references((): AnySQLiteColumn => documents.id),
  },
  (t) => [primaryKey({ columns: [t.quoteId, t.documentId] })],
);

const subjectColumns = () => ({
  personId: integer('person_id').references((): AnySQLiteColumn => people.id),
  organizationId: integer('organization_id').references((): AnySQLiteColumn => organizations.id),
  placeId: integer('place_id').references((): AnySQLiteColumn => places.id),
  documentId: integer('document_id').references((): AnySQLiteColumn => documents.id),
  projectId: integer('project_id').references((): AnySQLiteColumn => projects.id),
  eventId: integer('event_id').references((): AnySQLiteColumn => events.id),
});

export const mentions = sqliteTable('mentions', {
  id: integer('id').primaryKey(),
  articleId: integer('article_id')
    .notNull()
    .references((): AnySQLiteColumn => articles.id),
  ...span(),
  text: text('text').notNull(),
  kind: text('kind').notNull(),
  ...subjectColumns(),
});

export const conflicts = sqliteTable('conflicts', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  field: text('field').notNull(),
  description: text('description').notNull(),
  ...subjectColumns(),
});

export const conflictClaims = sqliteTable('conflict_claims', {
  id: integer('id').primaryKey(),
  conflictId: integer('conflict_id')
    .notNull()
    .references((): AnySQLiteColumn => conflicts.id),
  articleId: integer('article_id')
    .notNull()
    .references((): AnySQLiteColumn => articles.id),
  value: text('value').notNull(),
  ...spanWithText(),
});

export const dataset = sqliteTable('dataset', {
  id: integer('id').primaryKey(),
  version: text('version').notNull(),
  loadedAt: text('loaded_at').notNull(),
});

// ---------- derived link tables (migrations/0002, rebuilt by src/db/derived.ts) ----------

export const articlePeople = sqliteTable(
  'article_people',
  {
    articleId: integer('article_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    personId: integer('person_id')
      .notNull()
      .references((): AnySQLiteColumn => people.id),
    mentionCount: integer('mention_count').notNull(),
    firstStart: integer('first_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.personId] })],
);
export const articleOrganizations = sqliteTable(
  'article_organizations',
  {
    articleId: integer('article_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    organizationId: integer('organization_id')
      .notNull()
      .references((): AnySQLiteColumn => organizations.id),
    mentionCount: integer('mention_count').notNull(),
    firstStart: integer('first_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.organizationId] })],
);
export const articlePlaces = sqliteTable(
  'article_places',
  {
    articleId: integer('article_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    placeId: integer('place_id')
      .notNull()
      .references((): AnySQLiteColumn => places.id),
    mentionCount: integer('mention_count').notNull(),
    firstStart: integer('first_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.placeId] })],
);
export const articleDocuments = sqliteTable(
  'article_documents',
  {
    articleId: integer('article_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    documentId: integer('document_id')
      .notNull()
      .references((): AnySQLiteColumn => documents.id),
    mentionCount: integer('mention_count').notNull(),
    firstStart: integer('first_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.documentId] })],
);
export const articleProjects = sqliteTable(
  'article_projects',
  {
    articleId: integer('article_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    projectId: integer('project_id')
      .notNull()
      .references((): AnySQLiteColumn => projects.id),
    mentionCount: integer('mention_count').notNull(),
    firstStart: integer('first_start').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.projectId] })],
);

export const participations = sqliteTable('participations', {
  id: integer('id').primaryKey(),
  eventId: integer('event_id')
    .notNull()
    .references((): AnySQLiteColumn => events.id),
  personId: integer('person_id').references((): AnySQLiteColumn => people.id),
  organizationId: integer('organization_id').references((): AnySQLiteColumn => organizations.id),
  role: text('role').notNull(),
});

export const eventPeople = sqliteTable(
  'event_people',
  {
    eventId: integer('event_id')
      .notNull()
      .references((): AnySQLiteColumn => events.id),
    personId: integer('person_id')
      .notNull()
      .references((): AnySQLiteColumn => people.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.personId] })],
);
export const eventOrganizations = sqliteTable(
  'event_organizations',
  {
    eventId: integer('event_id')
      .notNull()
      .references((): AnySQLiteColumn => events.id),
    organizationId: integer('organization_id')
      .notNull()
      .references((): AnySQLiteColumn => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organizationId] })],
);

export const personOrganizations = sqliteTable(
  'person_organizations',
  {
    personId: integer('person_id')
      .notNull()
      .references((): AnySQLiteColumn => people.id),
    organizationId: integer('organization_id')
      .notNull()
      .references((): AnySQLiteColumn => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.personId, t.organizationId] })],
);

export const coParticipants = sqliteTable(
  'co_participants',
  {
    personId: integer('person_id')
      .notNull()
      .references((): AnySQLiteColumn => people.id),
    otherId: integer('other_id')
      .notNull()
      .references((): AnySQLiteColumn => people.id),
    sharedCount: integer('shared_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.otherId] })],
);
export const coParticipantEvents = sqliteTable(
  'co_participant_events',
  {
    personId: integer('person_id').notNull(),
    otherId: integer('other_id').notNull(),
    eventId: integer('event_id')
      .notNull()
      .references((): AnySQLiteColumn => events.id),
  },
  (t) => [primaryKey({ columns: [t.personId, t.otherId, t.eventId] })],
);

export const relatedArticles = sqliteTable(
  'related_articles',
  {
    articleId: integer('article_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    otherId: integer('other_id')
      .notNull()
      .references((): AnySQLiteColumn => articles.id),
    score: real('score').notNull(),
    sharedCount: integer('shared_count').notNull(),
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.otherId] })],
);
export const relatedArticleEntities = sqliteTable('related_article_entities', {
  rowid: integer('rowid').primaryKey(),
  articleId: integer('article_id').notNull(),
  otherId: integer('other_id').notNull(),
  ...subjectColumns(),
});

// ---------- the seed loader's own bookkeeping (migrations/0006, written by src/seed/apply.ts) ----------

export const seedUnits = sqliteTable('seed_units', {
  unit: text('unit').primaryKey(),
  rowId: integer('row_id').notNull(),
  digest: text('digest').notNull(),
});

export const seedTouched = sqliteTable(
  'seed_touched',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull().default(''),
    id: integer('id').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key, t.id] })],
);
