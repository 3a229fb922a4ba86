// The controlled vocabularies of the knowledge base (the same values the seed files use).
import { builder } from '../builder';
import { VOCAB } from '../domain/vocab';

const values = <T extends readonly string[]>(list: T, describe: Record<T[number], string>) =>
  Object.fromEntries(list.map((v) => [v, { value: v, description: describe[v as T[number]] }])) as {
    [K in T[number]]: { value: K; description: string };
  };

export const LanguageEnum = builder.enumType('Language', {
  description: 'A language of the articles. Fields taking `lang` fall back to Vietnamese when no English form exists.',
  values: {
    VI: { value: 'vi', description: 'Vietnamese.' },
    EN: { value: 'en', description: 'English.' },
  } as const,
});

export const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How much of a date the text states. A coarser date is stored as its first day.',
  values: values(VOCAB.precision, { DAY: 'Day, month and year.', MONTH: 'Month and year only.', YEAR: 'Year only.' }),
});

export const PartOfDayEnum = builder.enumType('PartOfDay', {
  description: 'Part of the day when the text states it ("sáng", "chiều", "tối").',
  values: values(VOCAB.partOfDay, { MORNING: 'Sáng.', AFTERNOON: 'Chiều.', EVENING: 'Tối.' }),
});

export const EventKindEnum = builder.enumType('EventKind', {
  description: 'What kind of event.',
  values: values(VOCAB.eventKind, {
    SIGNING: 'Signing of a memorandum or agreement.',
    CONFERENCE: 'A conference (hội nghị).',
    WORKSHOP: 'A workshop or seminar (hội thảo).',
    FORUM: 'A forum (diễn đàn).',
    MEETING: 'A meeting or working session.',
    CEREMONY: 'A ceremony, e.g. an opening session.',
    DECISION: 'A dated official act, such as a minister signing a decision.',
    STUDY_TOUR: 'A study or exchange visit.',
    TRAINING: 'A training course.',
    EXHIBITION: 'An exhibition.',
    OTHER: 'Anything else that happened.',
  }),
});

export const ParticipantRoleEnum = builder.enumType('ParticipantRole', {
  description: 'The part a person or organization played in an event.',
  values: values(VOCAB.participantRole, {
    ORGANIZER: 'Organized the event.',
    HOST: 'Hosted it (venue or host institution).',
    CHAIR: 'Chaired it.',
    SIGNATORY: 'Signed the document the event is about.',
    PARTY: 'A party to the agreement signed.',
    SPEAKER: 'Spoke at it.',
    ATTENDEE: 'Attended it.',
    PARTNER: 'Took part as a partner.',
    SUBJECT: 'The event was about them.',
  }),
});

export const OrganizationKindEnum = builder.enumType('OrganizationKind', {
  description: 'What kind of organization.',
  values: values(VOCAB.orgKind, {
    MINISTRY: 'A ministry.',
    DEPARTMENT: 'A department, directorate or bureau (Vụ, Cục) of a ministry.',
    GOVERNMENT: 'A national government.',
    CITY_GOVERNMENT: 'A city government or people’s committee.',
    PROVINCIAL_GOVERNMENT: 'A provincial people’s committee.',
    EMBASSY: 'An embassy.',
    PARTY_BODY: 'A body of a political party.',
    ASSOCIATION: 'An association (hội).',
    UNIVERSITY: 'A university.',
    ACADEMY: 'An academy (học viện).',
    RESEARCH_INSTITUTE: 'A research institute or centre.',
    STATE_CORPORATION: 'A state-owned corporation.',
    AGENCY: 'A government agency.',
    PROJECT_OFFICE: 'A project management board.',
    MEDIA: 'A newspaper, magazine or news portal.',
    COMPANY: 'A private company.',
    OTHER: 'Any other organization.',
  }),
});

export const PlaceKindEnum = builder.enumType('PlaceKind', {
  description: 'What kind of place.',
  values: values(VOCAB.placeKind, {
    COUNTRY: 'A country.',
    PROVINCE: 'A province.',
    CITY: 'A city.',
    DISTRICT: 'A district or ward.',
    URBAN_AREA: 'An urban area or new town (khu đô thị).',
    ECONOMIC_ZONE: 'An economic zone (khu kinh tế).',
    INDUSTRIAL_ZONE: 'An industrial zone.',
    VENUE: 'A building or venue.',
    RIVER: 'A river.',
    REGION: 'A region.',
  }),
});

export const DocumentKindEnum = builder.enumType('DocumentKind', {
  description: 'What kind of policy document.',
  values: values(VOCAB.documentKind, {
    DECISION: 'A decision (Quyết định).',
    RESOLUTION: 'A resolution (Nghị quyết).',
    SCHEME: 'A scheme or national programme (Đề án).',
    PARTY_DOCUMENT: 'A party document (Văn kiện).',
    MEMORANDUM: 'A memorandum of understanding (Biên bản ghi nhớ).',
    PROGRAMME: 'A programme.',
    STRATEGY: 'A strategy.',
    GUIDELINE: 'A guideline or framework.',
    PLAN: 'A plan.',
    LAW: 'A law.',
    OTHER: 'Any other document.',
  }),
});

export const QuoteKindEnum = builder.enumType('QuoteKind', {
  description: 'Whether the words are quoted verbatim or reported.',
  values: values(VOCAB.quoteKind, {
    DIRECT: 'Verbatim words inside quotation marks.',
    INDIRECT: 'Reported speech (khẳng định, cho biết, nhấn mạnh …).',
  }),
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: {
    ASC: { value: 'asc', description: 'Ascending.' },
    DESC: { value: 'desc', description: 'Descending.' },
  } as const,
});
