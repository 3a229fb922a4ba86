// Drizzle mirror of migrations/*.sql (the SQL files are the source of truth; a test checks the two agree).
// camelCase in TypeScript, snake_case in SQL.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Factories, not shared objects: a column builder must not be reused across tables.
const span = () => ({
  start: integer('start').notNull(),
  end: integer('end').notNull(),
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
  titleEn: text('title_en'),
  titleEnStart: integer('title_en_start'),
  titleEnEnd: integer('title_en_end'),
  publishedLocal: text('published_local'),
  publishedOffset: text('published_offset'),
  publishedDate: text('published_date'),
  publishedStart: integer('published_start'),
  publishedEnd: integer('published_end'),
  publisherId: integer('publisher_id'),
  publisherStart: integer('publisher_start'),
  publisherEnd: integer('publisher_end'),
});

export const articleContent = sqliteTable(
  'article_content',
  {
    articleId: integer('article_id').notNull(),
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
  acronyms: text('acronyms', { mode: 'json' }).$type<string[]>().notNull(),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
  kind: text('kind').notNull(),
  country: text('country'),
  parentId: integer('parent_id'),
});

export const places = sqliteTable('places', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  nameFolded: text('name_folded').notNull(),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
  kind: text('kind').notNull(),
  country: text('country'),
  parentId: integer('parent_id'),
});

export const documents = sqliteTable('documents', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  kind: text('kind').notNull(),
  code: text('code'),
  title: text('title'),
  titleEn: text('title_en'),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
  issuerId: integer('issuer_id'),
  date: text('date'),
  datePrecision: text('date_precision'),
});

export const projects = sqliteTable('projects', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  nameFolded: text('name_folded').notNull(),
  acronyms: text('acronyms', { mode: 'json' }).$type<string[]>().notNull(),
  aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
  funding: text('funding'),
  periodStart: text('period_start'),
  periodEnd: text('period_end'),
});

export const projectComponents = sqliteTable('project_components', {
  id: integer('id').primaryKey(),
  projectId: integer('project_id').notNull(),
  number: integer('number').notNull(),
  title: text('title').notNull(),
  titleEn: text('title_en'),
});

export const projectPartners = sqliteTable(
  'project_partners',
  {
    projectId: integer('project_id').notNull(),
    organizationId: integer('organization_id').notNull(),
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
  dateInferred: integer('date_inferred', { mode: 'boolean' }).notNull(),
  dateArticleId: integer('date_article_id'),
  dateStart: integer('date_start'),
  dateEnd: integer('date_end'),
  partOfDay: text('part_of_day'),
  online: integer('online', { mode: 'boolean' }).notNull(),
  placeId: integer('place_id'),
  parentId: integer('parent_id'),
  projectId: integer('project_id'),
});

export const eventDocuments = sqliteTable(
  'event_documents',
  {
    eventId: integer('event_id').notNull(),
    documentId: integer('document_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.documentId] })],
);

export const eventReports = sqliteTable(
  'event_reports',
  {
    eventId: integer('event_id').notNull(),
    articleId: integer('article_id').notNull(),
    ...span(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.articleId] })],
);

export const eventParticipants = sqliteTable('event_participants', {
  id: integer('id').primaryKey(),
  eventId: integer('event_id').notNull(),
  personId: integer('person_id'),
  organizationId: integer('organization_id'),
  role: text('role').notNull(),
  articleId: integer('article_id').notNull(),
  ...span(),
});

export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer('article_id').notNull(),
    personId: integer('person_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    ...span(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.personId] })],
);

export const roles = sqliteTable('roles', {
  id: integer('id').primaryKey(),
  personId: integer('person_id').notNull(),
  title: text('title').notNull(),
  titleEn: text('title_en'),
  organizationId: integer('organization_id'),
  articleId: integer('article_id').notNull(),
  ...span(),
});

export const quotes = sqliteTable('quotes', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  kind: text('kind').notNull(),
  text: text('text').notNull(),
  speakerId: integer('speaker_id').notNull(),
  roleId: integer('role_id'),
  eventId: integer('event_id'),
  articleId: integer('article_id').notNull(),
  ...span(),
});

export const quoteDocuments = sqliteTable(
  'quote_documents',
  {
    quoteId: integer('quote_id').notNull(),
    documentId: integer('document_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.quoteId, t.documentId] })],
);

const subjectColumns = () => ({
  personId: integer('person_id'),
  organizationId: integer('organization_id'),
  placeId: integer('place_id'),
  documentId: integer('document_id'),
  projectId: integer('project_id'),
  eventId: integer('event_id'),
});

export const mentions = sqliteTable('mentions', {
  id: integer('id').primaryKey(),
  articleId: integer('article_id').notNull(),
  ...span(),
  text: text('text').notNull(),
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
  conflictId: integer('conflict_id').notNull(),
  articleId: integer('article_id').notNull(),
  value: text('value').notNull(),
  ...span(),
});

export const dataset = sqliteTable('dataset', {
  id: integer('id').primaryKey(),
  version: text('version').notNull(),
  loadedAt: text('loaded_at').notNull(),
});
