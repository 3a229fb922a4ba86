// The one registry of the knowledge base's kinds of record. Every list of types (node lookup, search,
// path and timeline keys, the seed's `ref:` prefixes and sections, the benchmark baselines) derives from
// here, so adding a kind is one entry, not ten edits.

/** Slugs are lower-case ASCII words joined by single hyphens: the seed's and the API's identifiers. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Page size of a connection when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;

interface KindInfo {
  /** GraphQL object type, also the type part of its global IDs (`Person:slug`). */
  readonly typename: string;
  /** SQL table holding one row per record. */
  readonly table: string;
  /** Lower-case plural, as in list field names (`people`, `organizations`). */
  readonly plural: string;
  /** `SearchResultType` value, where the kind is searchable. */
  readonly searchType: string | null;
  /** Prefix of a seed reference (`person:luu-duc-minh`) and of the YAML section that declares it. */
  readonly seed: { readonly ref: string; readonly section: string } | null;
  /** Prefix of the entity keys in `entity_links` (`p:12`), for kinds that timelines and paths connect. */
  readonly linkKey: string | null;
}

export const KINDS = {
  Person: {
    typename: 'Person',
    table: 'people',
    plural: 'people',
    searchType: 'PERSON',
    seed: { ref: 'person', section: 'people' },
    linkKey: 'p',
  },
  Organization: {
    typename: 'Organization',
    table: 'organizations',
    plural: 'organizations',
    searchType: 'ORGANIZATION',
    seed: { ref: 'org', section: 'organizations' },
    linkKey: 'o',
  },
  Place: {
    typename: 'Place',
    table: 'places',
    plural: 'places',
    searchType: 'PLACE',
    seed: { ref: 'place', section: 'places' },
    linkKey: 'l',
  },
  Document: {
    typename: 'Document',
    table: 'documents',
    plural: 'documents',
    searchType: 'DOCUMENT',
    seed: { ref: 'document', section: 'documents' },
    linkKey: 'd',
  },
  Project: {
    typename: 'Project',
    table: 'projects',
    plural: 'projects',
    searchType: 'PROJECT',
    seed: { ref: 'project', section: 'projects' },
    linkKey: 'j',
  },
  Event: {
    typename: 'Event',
    table: 'events',
    plural: 'events',
    searchType: 'EVENT',
    seed: { ref: 'event', section: 'events' },
    linkKey: 'e',
  },
  Quote: { typename: 'Quote', table: 'quotes', plural: 'quotes', searchType: 'QUOTE', seed: null, linkKey: null },
  Article: {
    typename: 'Article',
    table: 'articles',
    plural: 'articles',
    searchType: 'ARTICLE',
    seed: null,
    linkKey: null,
  },
  Conflict: {
    typename: 'Conflict',
    table: 'conflicts',
    plural: 'conflicts',
    searchType: null,
    seed: null,
    linkKey: null,
  },
} as const satisfies Record<string, KindInfo>;

export type Kind = keyof typeof KINDS;
type KindsWhere<K extends keyof KindInfo> = {
  [T in Kind]: (typeof KINDS)[T][K] extends null ? never : T;
}[Kind];

/** Kinds with their own global IDs (every kind: all are `Node`s). */
export type NodeKind = Kind;
/** Kinds the search index holds. */
export type SearchKind = KindsWhere<'searchType'>;
/** Kinds a seed file declares and refers to (`person:`, `org:` …): the linkable entities. */
export type EntityKind = KindsWhere<'seed'>;
/** Kinds that entity links (timelines, paths) connect. */
export type LinkKind = KindsWhere<'linkKey'>;

export type SearchType = (typeof KINDS)[SearchKind]['searchType'];
export type SeedRef = (typeof KINDS)[EntityKind]['seed']['ref'];
export type LinkKey = (typeof KINDS)[LinkKind]['linkKey'];

const kinds = Object.values(KINDS) as readonly KindInfo[];
const pick = <T extends string>(test: (k: KindInfo) => unknown) => kinds.filter(test).map((k) => k.typename as T);

export const NODE_KINDS: readonly NodeKind[] = pick<NodeKind>(() => true);
export const SEARCH_KINDS: readonly SearchKind[] = pick<SearchKind>((k) => k.searchType);
export const ENTITY_KINDS: readonly EntityKind[] = pick<EntityKind>((k) => k.seed);
export const LINK_KINDS: readonly LinkKind[] = pick<LinkKind>((k) => k.linkKey);

export const SEARCH_TYPES = SEARCH_KINDS.map((k) => KINDS[k].searchType) as readonly SearchType[];
export const SEED_REFS = ENTITY_KINDS.map((k) => KINDS[k].seed.ref) as readonly SeedRef[];

/** The table of each seed reference prefix (`org` → `organizations`). */
export const TABLE_OF_SEED_REF = Object.fromEntries(
  ENTITY_KINDS.map((k) => [KINDS[k].seed.ref, KINDS[k].table]),
) as Readonly<Record<SeedRef, string>>;
/** The YAML section of each seed reference prefix (`org` → `organizations`). */
export const SECTION_OF_SEED_REF = Object.fromEntries(
  ENTITY_KINDS.map((k) => [KINDS[k].seed.ref, KINDS[k].seed.section]),
) as Readonly<Record<SeedRef, string>>;

/** The kind of a search type (`PERSON` → `Person`). */
export const KIND_OF_SEARCH_TYPE = Object.fromEntries(SEARCH_KINDS.map((k) => [KINDS[k].searchType, k])) as Readonly<
  Record<SearchType, SearchKind>
>;
/** The kind of a seed reference prefix (`org` → `Organization`). */
export const KIND_OF_SEED_REF = Object.fromEntries(ENTITY_KINDS.map((k) => [KINDS[k].seed.ref, k])) as Readonly<
  Record<SeedRef, EntityKind>
>;
/** The kind of a seed section (`organizations` → `Organization`). */
export const KIND_OF_SEED_SECTION = Object.fromEntries(ENTITY_KINDS.map((k) => [KINDS[k].seed.section, k])) as Readonly<
  Record<string, EntityKind>
>;
/** The kind of an entity-link key prefix (`p` → `Person`). */
export const KIND_OF_LINK_KEY = Object.fromEntries(LINK_KINDS.map((k) => [KINDS[k].linkKey, k])) as Readonly<
  Record<LinkKey, LinkKind>
>;

export function isKind(name: string): name is Kind {
  return Object.hasOwn(KINDS, name);
}
