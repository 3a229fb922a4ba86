import { builder } from '../builder';
import { LanguageEnum } from './enums';

export const RoleRef = builder.drizzleObject('roles', {
  name: 'Role',
  description:
    'A person’s role as one article states it: a title, usually at an organization, with the span that says so.',
  // Only the columns the query asks for.
  select: {},
  fields: (t) => ({
    title: t.string({
      description: 'The title as stated (without the organization), e.g. "Phó Giám đốc".',
      args: {
        lang: t.arg({
          type: LanguageEnum,
          defaultValue: 'vi',
          description: 'EN gives the English title where the article has one.',
        }),
      },
      select: { columns: { title: true, titleEn: true } },
      resolve: (r, args) => (args.lang === 'en' && r.titleEn) || r.title,
    }),
    person: t.relation('person', { description: 'Whose role it is.' }),
    organization: t.relation('organization', { nullable: true, description: 'The organization, when stated.' }),
    article: t.relation('article', { description: 'The article that states the role.' }),
    mention: t.relation('mention', { description: 'The span that states the role.' }),
  }),
});
