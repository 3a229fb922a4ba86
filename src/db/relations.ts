// Relations for drizzle's relational queries (v2). Pothos plans nested GraphQL selections over these,
// folding a whole tree of relations into one SQL statement.
import { defineRelations } from 'drizzle-orm';
import * as schema from './schema';

export const relations = defineRelations(schema, (r) => ({
  articles: {
    titleMention: r.one.mentions({
      from: r.articles.titleMentionId,
      to: r.mentions.id,
      optional: false,
      alias: 'title_mention',
    }),
    titleEnMention: r.one.mentions({ from: r.articles.titleEnMentionId, to: r.mentions.id, alias: 'title_en_mention' }),
    publishedMention: r.one.mentions({
      from: r.articles.publishedMentionId,
      to: r.mentions.id,
      alias: 'published_mention',
    }),
    publisherMention: r.one.mentions({
      from: r.articles.publisherMentionId,
      to: r.mentions.id,
      alias: 'publisher_mention',
    }),
    publisher: r.one.organizations({ from: r.articles.publisherId, to: r.organizations.id }),
    content: r.many.articleContent({ from: r.articles.id, to: r.articleContent.articleId }),
    authorLinks: r.many.articleAuthors({ from: r.articles.id, to: r.articleAuthors.articleId }),
    eventReports: r.many.eventReports({ from: r.articles.id, to: r.eventReports.articleId }),
    quotes: r.many.quotes({ from: r.articles.id, to: r.quotes.articleId }),
    mentions: r.many.mentions({ from: r.articles.id, to: r.mentions.articleId }),
    roles: r.many.roles({ from: r.articles.id, to: r.roles.articleId }),
    people: r.many.people({
      from: r.articles.id.through(r.articlePeople.articleId),
      to: r.people.id.through(r.articlePeople.personId),
    }),
    organizations: r.many.organizations({
      from: r.articles.id.through(r.articleOrganizations.articleId),
      to: r.organizations.id.through(r.articleOrganizations.organizationId),
    }),
    places: r.many.places({
      from: r.articles.id.through(r.articlePlaces.articleId),
      to: r.places.id.through(r.articlePlaces.placeId),
    }),
    documents: r.many.documents({
      from: r.articles.id.through(r.articleDocuments.articleId),
      to: r.documents.id.through(r.articleDocuments.documentId),
    }),
    projects: r.many.projects({
      from: r.articles.id.through(r.articleProjects.articleId),
      to: r.projects.id.through(r.articleProjects.projectId),
    }),
    events: r.many.events({
      from: r.articles.id.through(r.eventReports.articleId),
      to: r.events.id.through(r.eventReports.eventId),
    }),
    related: r.many.relatedArticles({ from: r.articles.id, to: r.relatedArticles.articleId }),
    authors: r.many.people({
      from: r.articles.id.through(r.articleAuthors.articleId),
      to: r.people.id.through(r.articleAuthors.personId),
    }),
  },
  articleContent: {
    article: r.one.articles({ from: r.articleContent.articleId, to: r.articles.id, optional: false }),
  },
  articleAuthors: {
    mention: r.one.mentions({ from: r.articleAuthors.mentionId, to: r.mentions.id, optional: false }),
    article: r.one.articles({ from: r.articleAuthors.articleId, to: r.articles.id, optional: false }),
    person: r.one.people({ from: r.articleAuthors.personId, to: r.people.id, optional: false }),
  },
  people: {
    roles: r.many.roles({ from: r.people.id, to: r.roles.personId }),
    quotes: r.many.quotes({ from: r.people.id, to: r.quotes.speakerId }),
    participations: r.many.eventParticipants({ from: r.people.id, to: r.eventParticipants.personId }),
    mentions: r.many.mentions({ from: r.people.id, to: r.mentions.personId }),
    authored: r.many.articleAuthors({ from: r.people.id, to: r.articleAuthors.personId }),
    conflicts: r.many.conflicts({ from: r.people.id, to: r.conflicts.personId }),
    articles: r.many.articles({
      from: r.people.id.through(r.articlePeople.personId),
      to: r.articles.id.through(r.articlePeople.articleId),
    }),
    events: r.many.events({
      from: r.people.id.through(r.eventPeople.personId),
      to: r.events.id.through(r.eventPeople.eventId),
    }),
    coParticipants: r.many.coParticipants({ from: r.people.id, to: r.coParticipants.personId }),
    organizations: r.many.organizations({
      from: r.people.id.through(r.personOrganizations.personId),
      to: r.organizations.id.through(r.personOrganizations.organizationId),
    }),
  },
  organizations: {
    parent: r.one.organizations({ from: r.organizations.parentId, to: r.organizations.id, alias: 'org_parent' }),
    children: r.many.organizations({ from: r.organizations.id, to: r.organizations.parentId, alias: 'org_parent' }),
    roles: r.many.roles({ from: r.organizations.id, to: r.roles.organizationId }),
    participations: r.many.eventParticipants({ from: r.organizations.id, to: r.eventParticipants.organizationId }),
    partnerships: r.many.projectPartners({ from: r.organizations.id, to: r.projectPartners.organizationId }),
    issuedDocuments: r.many.documents({ from: r.organizations.id, to: r.documents.issuerId }),
    published: r.many.articles({ from: r.organizations.id, to: r.articles.publisherId }),
    mentions: r.many.mentions({ from: r.organizations.id, to: r.mentions.organizationId }),
    conflicts: r.many.conflicts({ from: r.organizations.id, to: r.conflicts.organizationId }),
    articles: r.many.articles({
      from: r.organizations.id.through(r.articleOrganizations.organizationId),
      to: r.articles.id.through(r.articleOrganizations.articleId),
    }),
    events: r.many.events({
      from: r.organizations.id.through(r.eventOrganizations.organizationId),
      to: r.events.id.through(r.eventOrganizations.eventId),
    }),
    people: r.many.people({
      from: r.organizations.id.through(r.personOrganizations.organizationId),
      to: r.people.id.through(r.personOrganizations.personId),
    }),
    projects: r.many.projects({
      from: r.organizations.id.through(r.projectPartners.organizationId),
      to: r.projects.id.through(r.projectPartners.projectId),
    }),
  },
  places: {
    parent: r.one.places({ from: r.places.parentId, to: r.places.id, alias: 'place_parent' }),
    children: r.many.places({ from: r.places.id, to: r.places.parentId, alias: 'place_parent' }),
    events: r.many.events({ from: r.places.id, to: r.events.placeId }),
    mentions: r.many.mentions({ from: r.places.id, to: r.mentions.placeId }),
    conflicts: r.many.conflicts({ from: r.places.id, to: r.conflicts.placeId }),
    articles: r.many.articles({
      from: r.places.id.through(r.articlePlaces.placeId),
      to: r.articles.id.through(r.articlePlaces.articleId),
    }),
  },
  documents: {
    issuer: r.one.organizations({ from: r.documents.issuerId, to: r.organizations.id }),
    events: r.many.events({
      from: r.documents.id.through(r.eventDocuments.documentId),
      to: r.events.id.through(r.eventDocuments.eventId),
    }),
    quotes: r.many.quotes({
      from: r.documents.id.through(r.quoteDocuments.documentId),
      to: r.quotes.id.through(r.quoteDocuments.quoteId),
    }),
    mentions: r.many.mentions({ from: r.documents.id, to: r.mentions.documentId }),
    conflicts: r.many.conflicts({ from: r.documents.id, to: r.conflicts.documentId }),
    articles: r.many.articles({
      from: r.documents.id.through(r.articleDocuments.documentId),
      to: r.articles.id.through(r.articleDocuments.articleId),
    }),
  },
  projects: {
    components: r.many.projectComponents({ from: r.projects.id, to: r.projectComponents.projectId }),
    partnerLinks: r.many.projectPartners({ from: r.projects.id, to: r.projectPartners.projectId }),
    events: r.many.events({ from: r.projects.id, to: r.events.projectId }),
    mentions: r.many.mentions({ from: r.projects.id, to: r.mentions.projectId }),
    conflicts: r.many.conflicts({ from: r.projects.id, to: r.conflicts.projectId }),
    articles: r.many.articles({
      from: r.projects.id.through(r.articleProjects.projectId),
      to: r.articles.id.through(r.articleProjects.articleId),
    }),
    partners: r.many.organizations({
      from: r.projects.id.through(r.projectPartners.projectId),
      to: r.organizations.id.through(r.projectPartners.organizationId),
    }),
  },
  projectComponents: {
    project: r.one.projects({ from: r.projectComponents.projectId, to: r.projects.id, optional: false }),
  },
  projectPartners: {
    project: r.one.projects({ from: r.projectPartners.projectId, to: r.projects.id, optional: false }),
    organization: r.one.organizations({
      from: r.projectPartners.organizationId,
      to: r.organizations.id,
      optional: false,
    }),
  },
  events: {
    dateMention: r.one.mentions({ from: r.events.dateMentionId, to: r.mentions.id }),
    place: r.one.places({ from: r.events.placeId, to: r.places.id }),
    parent: r.one.events({ from: r.events.parentId, to: r.events.id, alias: 'event_parent' }),
    children: r.many.events({ from: r.events.id, to: r.events.parentId, alias: 'event_parent' }),
    project: r.one.projects({ from: r.events.projectId, to: r.projects.id }),
    dateArticle: r.one.articles({ from: r.events.dateArticleId, to: r.articles.id }),
    participants: r.many.eventParticipants({ from: r.events.id, to: r.eventParticipants.eventId }),
    reports: r.many.eventReports({ from: r.events.id, to: r.eventReports.eventId }),
    quotes: r.many.quotes({ from: r.events.id, to: r.quotes.eventId }),
    documents: r.many.documents({
      from: r.events.id.through(r.eventDocuments.eventId),
      to: r.documents.id.through(r.eventDocuments.documentId),
    }),
    mentions: r.many.mentions({ from: r.events.id, to: r.mentions.eventId }),
    conflicts: r.many.conflicts({ from: r.events.id, to: r.conflicts.eventId }),
    participations: r.many.participations({ from: r.events.id, to: r.participations.eventId }),
    people: r.many.people({
      from: r.events.id.through(r.eventPeople.eventId),
      to: r.people.id.through(r.eventPeople.personId),
    }),
    organizations: r.many.organizations({
      from: r.events.id.through(r.eventOrganizations.eventId),
      to: r.organizations.id.through(r.eventOrganizations.organizationId),
    }),
  },
  eventReports: {
    mention: r.one.mentions({ from: r.eventReports.mentionId, to: r.mentions.id, optional: false }),
    event: r.one.events({ from: r.eventReports.eventId, to: r.events.id, optional: false }),
    article: r.one.articles({ from: r.eventReports.articleId, to: r.articles.id, optional: false }),
  },
  eventParticipants: {
    mention: r.one.mentions({ from: r.eventParticipants.mentionId, to: r.mentions.id, optional: false }),
    participation: r.one.participations({ from: r.eventParticipants.participationId, to: r.participations.id }),
    event: r.one.events({ from: r.eventParticipants.eventId, to: r.events.id, optional: false }),
    person: r.one.people({ from: r.eventParticipants.personId, to: r.people.id }),
    organization: r.one.organizations({ from: r.eventParticipants.organizationId, to: r.organizations.id }),
    article: r.one.articles({ from: r.eventParticipants.articleId, to: r.articles.id, optional: false }),
  },
  participations: {
    event: r.one.events({ from: r.participations.eventId, to: r.events.id, optional: false }),
    person: r.one.people({ from: r.participations.personId, to: r.people.id }),
    organization: r.one.organizations({ from: r.participations.organizationId, to: r.organizations.id }),
    evidence: r.many.eventParticipants({ from: r.participations.id, to: r.eventParticipants.participationId }),
  },
  coParticipants: {
    person: r.one.people({ from: r.coParticipants.personId, to: r.people.id, optional: false }),
    other: r.one.people({ from: r.coParticipants.otherId, to: r.people.id, optional: false }),
    sharedEvents: r.many.events({
      from: [
        r.coParticipants.personId.through(r.coParticipantEvents.personId),
        r.coParticipants.otherId.through(r.coParticipantEvents.otherId),
      ],
      to: r.events.id.through(r.coParticipantEvents.eventId),
    }),
  },
  relatedArticles: {
    article: r.one.articles({ from: r.relatedArticles.articleId, to: r.articles.id, optional: false }),
    other: r.one.articles({ from: r.relatedArticles.otherId, to: r.articles.id, optional: false }),
    shared: r.many.relatedArticleEntities({
      from: [r.relatedArticles.articleId, r.relatedArticles.otherId],
      to: [r.relatedArticleEntities.articleId, r.relatedArticleEntities.otherId],
    }),
  },
  relatedArticleEntities: {
    person: r.one.people({ from: r.relatedArticleEntities.personId, to: r.people.id }),
    organization: r.one.organizations({ from: r.relatedArticleEntities.organizationId, to: r.organizations.id }),
    place: r.one.places({ from: r.relatedArticleEntities.placeId, to: r.places.id }),
    document: r.one.documents({ from: r.relatedArticleEntities.documentId, to: r.documents.id }),
    project: r.one.projects({ from: r.relatedArticleEntities.projectId, to: r.projects.id }),
    event: r.one.events({ from: r.relatedArticleEntities.eventId, to: r.events.id }),
  },
  roles: {
    mention: r.one.mentions({ from: r.roles.mentionId, to: r.mentions.id, optional: false }),
    quotes: r.many.quotes({ from: r.roles.id, to: r.quotes.roleId }),
    person: r.one.people({ from: r.roles.personId, to: r.people.id, optional: false }),
    organization: r.one.organizations({ from: r.roles.organizationId, to: r.organizations.id }),
    article: r.one.articles({ from: r.roles.articleId, to: r.articles.id, optional: false }),
  },
  quotes: {
    mention: r.one.mentions({ from: r.quotes.mentionId, to: r.mentions.id, optional: false }),
    speaker: r.one.people({ from: r.quotes.speakerId, to: r.people.id, optional: false }),
    role: r.one.roles({ from: r.quotes.roleId, to: r.roles.id }),
    event: r.one.events({ from: r.quotes.eventId, to: r.events.id }),
    article: r.one.articles({ from: r.quotes.articleId, to: r.articles.id, optional: false }),
    documents: r.many.documents({
      from: r.quotes.id.through(r.quoteDocuments.quoteId),
      to: r.documents.id.through(r.quoteDocuments.documentId),
    }),
  },
  mentions: {
    article: r.one.articles({ from: r.mentions.articleId, to: r.articles.id, optional: false }),
    person: r.one.people({ from: r.mentions.personId, to: r.people.id }),
    organization: r.one.organizations({ from: r.mentions.organizationId, to: r.organizations.id }),
    place: r.one.places({ from: r.mentions.placeId, to: r.places.id }),
    document: r.one.documents({ from: r.mentions.documentId, to: r.documents.id }),
    project: r.one.projects({ from: r.mentions.projectId, to: r.projects.id }),
    event: r.one.events({ from: r.mentions.eventId, to: r.events.id }),
  },
  conflicts: {
    claims: r.many.conflictClaims({ from: r.conflicts.id, to: r.conflictClaims.conflictId }),
    person: r.one.people({ from: r.conflicts.personId, to: r.people.id }),
    organization: r.one.organizations({ from: r.conflicts.organizationId, to: r.organizations.id }),
    place: r.one.places({ from: r.conflicts.placeId, to: r.places.id }),
    document: r.one.documents({ from: r.conflicts.documentId, to: r.documents.id }),
    project: r.one.projects({ from: r.conflicts.projectId, to: r.projects.id }),
    event: r.one.events({ from: r.conflicts.eventId, to: r.events.id }),
  },
  conflictClaims: {
    mention: r.one.mentions({ from: r.conflictClaims.mentionId, to: r.mentions.id, optional: false }),
    conflict: r.one.conflicts({ from: r.conflictClaims.conflictId, to: r.conflicts.id, optional: false }),
    article: r.one.articles({ from: r.conflictClaims.articleId, to: r.articles.id, optional: false }),
  },
}));

export type Relations = typeof relations;
