import { builder } from '../builder';
import type { projects } from '../db/schema';
import { Connections } from './connections';
import { LanguageEnum } from './enums';
import { namesContain } from './filters';
import { rootFields } from './roots';

export const ProjectRef = builder.drizzleNode('projects', {
  name: 'Project',
  description: 'A named project or initiative, with its components, partners, funding and period where stated.',
  id: { column: (p) => p.slug },
  // Only the columns the query asks for (plus the slug the global ID is made from).
  select: { columns: { slug: true } },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable human-readable identifier.' }),
    name: t.string({
      description: 'Name in Vietnamese, or in English with `lang: EN` where an article gives one.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'vi' }) },
      select: { columns: { name: true, nameEn: true } },
      resolve: (p, args) => (args.lang === 'en' && p.nameEn) || p.name,
    }),
    nameEn: t.exposeString('nameEn', { nullable: true, description: 'English name as an article gives it.' }),
    acronyms: t.exposeStringList('acronyms', { description: 'Acronyms as given (e.g. VKC).' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names found in the articles.' }),
    funding: t.exposeString('funding', { nullable: true, description: 'Funding as stated.' }),
    periodStart: t.exposeString('periodStart', {
      nullable: true,
      description: 'Start as stated: YYYY, YYYY-MM or YYYY-MM-DD.',
    }),
    periodEnd: t.exposeString('periodEnd', {
      nullable: true,
      description: 'End as stated: YYYY, YYYY-MM or YYYY-MM-DD.',
    }),
    components: t.relatedConnection(
      'components',
      {
        description: 'The project’s components (hợp phần), by number.',
        query: { orderBy: { number: 'asc' } },
        totalCount: true,
      },
      Connections.ProjectComponent,
    ),
    partners: t.relatedConnection(
      'partnerLinks',
      {
        description: 'Partner organizations with their stated role, in the order they were recorded.',
        query: { orderBy: { organizationId: 'asc' } },
        totalCount: true,
      },
      Connections.ProjectPartner,
    ),
    events: t.relatedConnection(
      'events',
      {
        description: 'Events of the project, oldest first.',
        query: { orderBy: { sortDate: 'asc', id: 'asc' } },
        totalCount: true,
      },
      Connections.Event,
    ),
    articles: t.relatedConnection(
      'articles',
      {
        description: 'Articles that mention the project, newest first.',
        query: { orderBy: { sortDate: 'desc', id: 'desc' } },
        totalCount: true,
      },
      Connections.Article,
    ),
    mentions: t.relatedConnection(
      'mentions',
      {
        description: 'Every place the project is mentioned, in article order.',
        query: { orderBy: { articleId: 'asc', start: 'asc' } },
        totalCount: true,
      },
      Connections.Mention,
    ),
    conflicts: t.relatedConnection(
      'conflicts',
      {
        description: 'Disagreements between sources about this project, in the order they were recorded.',
        totalCount: true,
      },
      Connections.Conflict,
    ),
  }),
});

builder.drizzleObject('projectComponents', {
  name: 'ProjectComponent',
  description: 'A numbered component (hợp phần) of a project.',
  // Only the columns the query asks for.
  select: {},
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'The component’s number.' }),
    title: t.string({
      description: 'Title in Vietnamese, or English with `lang: EN`.',
      args: { lang: t.arg({ type: LanguageEnum, defaultValue: 'vi' }) },
      select: { columns: { title: true, titleEn: true } },
      resolve: (c, args) => (args.lang === 'en' && c.titleEn) || c.title,
    }),
    project: t.relation('project', { description: 'The project.' }),
  }),
});

builder.drizzleObject('projectPartners', {
  name: 'ProjectPartner',
  description: 'An organization’s part in a project.',
  // Only the columns the query asks for.
  select: {},
  fields: (t) => ({
    organization: t.relation('organization', { description: 'The partner.' }),
    role: t.exposeString('role', { nullable: true, description: 'Its role as the article states it (Vietnamese).' }),
    project: t.relation('project', { description: 'The project.' }),
  }),
});

const ProjectsFilter = builder.inputType('ProjectsFilter', {
  description: 'Filters for `projects`; all given conditions must hold.',
  fields: (t) => ({
    name: t.string({ description: 'Part of a name, acronym or alias, diacritic-insensitive.' }),
  }),
});

function projectsWhere(t: typeof projects, filter: typeof ProjectsFilter.$inferInput | null | undefined) {
  return filter?.name ? namesContain(t.namesFolded, filter.name) : undefined;
}

rootFields('Project', 'A project by slug; null when there is none.', {
  description: 'Projects in the knowledge base, by name.',
  filter: ProjectsFilter,
  where: projectsWhere,
  orderBy: { nameFolded: 'asc', name: 'asc' },
});
