// Validation: the shape of every seed document as zod schemas, and the mapping of zod's issues onto
// seed problems (file, entry path, reason). What needs the article text (spans) or other files
// (references, merged entities) is checked by the reader, not here.
//
// zod 4 rather than valibot: its error functions receive the offending input, so each refusal can quote
// the value ("unknown kind 'X' (expected one of …)") exactly as before; the validator only runs in the
// loader and the scripts, never in the Worker bundle, so valibot's smaller size buys nothing; and zod 4
// is already installed as a dependency of drizzle-orm.
import { z } from 'zod';
import { ENTITY_KINDS, KINDS, SEED_REFS, type SeedRef, SLUG_PATTERN } from '../domain/entities';
import { type Precision, VOCAB } from '../domain/vocab';
import type { Ctx } from './problems';
import type { SpanSpec } from './spans';

// ---------- dates ----------
function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
/** Parses YYYY, YYYY-MM or YYYY-MM-DD against a precision; returns the first day it covers. */
export function parseDate(value: string, precision: Precision): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? undefined : Number(m[2]);
  const d = m[3] === undefined ? undefined : Number(m[3]);
  const expected = { YEAR: 1, MONTH: 2, DAY: 3 }[precision];
  const given = 1 + (mo === undefined ? 0 : 1) + (d === undefined ? 0 : 1);
  if (given !== expected) return null;
  if (!validDay(y, mo ?? 1, d ?? 1)) return null;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

// ---------- references ----------
export interface Ref {
  type: SeedRef;
  slug: string;
}
export function parseRef(ref: string): Ref | null {
  const m = /^([a-z]+):([a-z0-9-]+)$/.exec(ref);
  if (!m || !(SEED_REFS as readonly string[]).includes(m[1] as string)) return null;
  return { type: m[1] as SeedRef, slug: m[2] as string };
}

// ---------- fields ----------
const nullToUndefined = (v: unknown) => (v === null ? undefined : v);
const WHOLE = 'must be a whole number from 1';
const LIST_OF_STRINGS = 'must be a list of non-empty strings';
const quote = (v: unknown) => `'${String(v)}'`;

/** A non-empty string in NFC; YAML numbers (`code: 950`) are read as their text; null counts as absent. */
const text = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : nullToUndefined(v)),
  z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a non-empty string') })
    .refine((s) => s.trim() !== '', 'must be a non-empty string')
    .transform((s) => s.normalize('NFC')),
);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(nullToUndefined, s.optional());

const slug = text.refine((s) => SLUG_PATTERN.test(s), {
  error: (iss) => `${quote(iss.input)} is not a slug (lower-case ASCII letters, digits and single hyphens)`,
});
const oneOf = <const T extends readonly [string, ...string[]]>(key: string, values: T) =>
  text.pipe(
    z.enum(values, { error: (iss) => `unknown ${key} ${quote(iss.input)} (expected one of ${values.join(', ')})` }),
  );
const bool = optional(z.boolean({ error: 'must be true or false' }));
const country = optional(
  text.refine((c) => /^[A-Z]{2}$/.test(c), { error: (iss) => `${quote(iss.input)} is not an ISO 3166-1 alpha-2 code` }),
);
const strings = z
  .array(z.unknown(), { error: LIST_OF_STRINGS })
  .refine((xs) => xs.every((x) => typeof x === 'string' && x.trim() !== ''), LIST_OF_STRINGS)
  .transform((xs) => (xs as string[]).map((x) => x.normalize('NFC')));
/** A list of strings; absent means empty. Entity fields of this schema are sets merged across articles. */
export const strList = z.preprocess((v) => v ?? [], strings);
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => v ?? [], z.array(item, { error: 'must be a list' }));

/** An object with exactly these fields; `notMapping` is the refusal when the value is no mapping at all. */
const entry = <S extends z.ZodRawShape>(shape: S, notMapping: string, missing = notMapping) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === 'invalid_type' ? (iss.input === undefined ? missing : notMapping) : undefined),
  });

/** A span as written: the exact text, or `{ text, occurrence }` when the text repeats. */
const span = z.preprocess(
  (v) => (typeof v === 'string' && v !== '' ? { text: v } : nullToUndefined(v)),
  entry(
    { text, occurrence: z.int({ error: WHOLE }).min(1, { error: WHOLE }).optional() },
    'span must be a string or { text, occurrence }',
    'span is required',
  ),
);

const dateFields = { value: text, precision: oneOf('precision', VOCAB.precision) };
/** Checks the value against its precision and keeps the first day it covers. */
const toDate = <T extends { value: string; precision: Precision; inferred?: boolean | undefined; span?: SpanSpec }>(
  d: T,
  ctx: z.RefinementCtx,
) => {
  const iso = parseDate(d.value, d.precision);
  if (iso === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `invalid date '${d.value}' for precision ${d.precision}`,
    });
    return z.NEVER;
  }
  return { iso, precision: d.precision, inferred: d.inferred ?? false, span: d.span };
};
const documentDate = entry(dateFields, 'must be { value, precision }').transform(toDate);
const eventDate = entry({ ...dateFields, inferred: bool, span }, 'must be { value, precision }').transform(toDate);
export type ParsedDate = z.output<typeof eventDate>;

const periodDate = text.refine(
  (v) => parseDate(v, v.length === 4 ? 'YEAR' : v.length === 7 ? 'MONTH' : 'DAY') !== null,
  { error: (iss) => `invalid date ${quote(iss.input)} (YYYY, YYYY-MM or YYYY-MM-DD)` },
);
const period = entry({ start: optional(periodDate), end: optional(periodDate) }, 'must be { start, end }').transform(
  (p) => ({ start: p.start ?? null, end: p.end ?? null }),
);
export type Period = z.output<typeof period>;

// ---------- an article file ----------
const localDateTime = text.refine(
  (v) => {
    const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/.exec(v);
    return m !== null && parseDate(m[1] as string, 'DAY') !== null;
  },
  { error: (iss) => `invalid local date-time ${quote(iss.input)} (expected YYYY-MM-DDTHH:MM)` },
);
const utcOffset = text.refine((v) => /^[+-](0\d|1[0-4]):[0-5]\d$/.test(v), {
  error: (iss) => `invalid UTC offset ${quote(iss.input)} (expected ±HH:MM)`,
});
const languages = strList.superRefine((xs, ctx) => {
  if (xs.length === 0) ctx.addIssue({ code: 'custom', message: 'must list at least one language' });
  for (const l of xs)
    if (!(VOCAB.lang as readonly string[]).includes(l))
      ctx.addIssue({ code: 'custom', message: `unknown language '${l}'` });
});

/** A calendar day, YYYY-MM-DD. */
const day = text.refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parseDate(v, 'DAY') !== null, {
  error: (iss) => `invalid date ${quote(iss.input)} (expected YYYY-MM-DD)`,
});
/** An absolute http(s) address. */
const webAddress = text.refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
  error: (iss) => `${quote(iss.input)} is not an http(s) URL`,
});

const article = entry(
  {
    slug,
    // The day the article entered the knowledge base: what polling clients filter on (`addedAfter`).
    added: day,
    // Where the page was captured from, when known.
    url: optional(webAddress),
    languages,
    content: list(entry({ lang: oneOf('lang', VOCAB.lang), from: span, to: span }, 'must be { lang, from, to }')),
    title: entry({ span }, 'must be { span }', 'is required'),
    title_en: entry({ span }, 'must be { span }').optional(),
    published: entry(
      { local: localDateTime, offset: optional(utcOffset), span },
      'must be { local, offset?, span }',
    ).optional(),
    publisher: entry({ org: slug, span }, 'must be { org, span }').optional(),
    authors: list(entry({ person: slug, span }, 'must be { person, span }')),
  },
  'is required and must be a mapping',
);

// Entity declarations. Field order is the order their problems are listed in.
const MAPPING = 'must be a mapping';
const ENTITY_SCHEMAS = {
  person: entry({ slug, honorifics: strList, aliases: strList, name: text, country }, MAPPING),
  org: entry(
    {
      slug,
      acronyms: strList,
      aliases: strList,
      name: text,
      name_en: optional(text),
      kind: oneOf('kind', VOCAB.orgKind),
      country,
      parent: optional(slug),
    },
    MAPPING,
  ),
  place: entry(
    {
      slug,
      aliases: strList,
      name: text,
      name_en: optional(text),
      kind: oneOf('kind', VOCAB.placeKind),
      country,
      parent: optional(slug),
    },
    MAPPING,
  ),
  document: entry(
    {
      slug,
      aliases: strList,
      kind: oneOf('kind', VOCAB.documentKind),
      code: optional(text),
      title: optional(text),
      title_en: optional(text),
      issuer: optional(slug),
      date: documentDate.optional(),
    },
    MAPPING,
  ),
  project: entry(
    {
      slug,
      acronyms: strList,
      aliases: strList,
      name: text,
      name_en: optional(text),
      funding: optional(text),
      period: period.optional(),
      components: list(
        entry(
          { number: z.int({ error: WHOLE }).min(1, { error: WHOLE }), title: text, title_en: optional(text) },
          'must be { number, title, title_en? }',
        ),
      ),
      partners: list(entry({ org: slug, role: optional(text) }, 'must be { org, role? }')),
    },
    MAPPING,
  ),
  event: entry(
    {
      slug,
      documents: strList,
      kind: optional(oneOf('kind', VOCAB.eventKind)),
      title: optional(text),
      title_en: optional(text),
      date: eventDate.optional(),
      part_of_day: optional(oneOf('part_of_day', VOCAB.partOfDay)),
      online: bool,
      place: optional(slug),
      parent: optional(slug),
      project: optional(slug),
      span,
      participants: list(
        entry(
          {
            person: optional(slug),
            org: optional(slug),
            role: oneOf('role', VOCAB.participantRole),
            span,
          },
          'must be { person|org, role, span }',
        ),
      ),
    },
    MAPPING,
  ),
} satisfies Record<SeedRef, z.ZodObject>;
export type EntityEntry<R extends SeedRef = SeedRef> = z.output<(typeof ENTITY_SCHEMAS)[R]>;
export const entitySchema = (ref: SeedRef): z.ZodObject => ENTITY_SCHEMAS[ref];

/** The entity sections of an article file (`people`, `organizations` …) and the reference prefix of each. */
export const ENTITY_SECTIONS = ENTITY_KINDS.map((k) => KINDS[k].seed);
const SECTION_SCHEMAS = Object.fromEntries(
  ENTITY_SECTIONS.map((s) => [s.section, list(ENTITY_SCHEMAS[s.ref])]),
) as Record<string, z.ZodType>;

const role = entry(
  { key: optional(slug), person: slug, org: optional(slug), title: text, span, title_en: optional(text) },
  MAPPING,
);
const quoteEntry = entry(
  {
    kind: oneOf('kind', VOCAB.quoteKind),
    speaker: slug,
    role: optional(slug),
    event: optional(slug),
    documents: strList,
    span,
  },
  MAPPING,
);
const refKinds = SEED_REFS.map((r) => `${r}:`).join('|');
const mention = entry(
  {
    ref: text.refine((r) => parseRef(r) !== null, {
      error: (iss) => `${quote(iss.input)} is not a reference (${refKinds} + slug)`,
    }),
    forms: strings.optional(),
    span: span.optional(),
  },
  'must be { ref, forms } or { ref, span }',
);

/** The whole of `articles/<id>.yaml`. */
export const articleFile = z.strictObject(
  {
    article,
    ...SECTION_SCHEMAS,
    roles: list(role),
    quotes: list(quoteEntry),
    mentions: list(mention),
  },
  { error: (iss) => (iss.code === 'invalid_type' ? 'the file must be a mapping with an `article` entry' : undefined) },
);

// ---------- conflicts.yaml ----------
const conflict = entry(
  {
    slug,
    subject: text.refine((r) => parseRef(r) !== null, { error: (iss) => `${quote(iss.input)} is not a reference` }),
    field: text,
    description: text,
    claims: list(entry({ article: slug, value: text, span }, 'must be { article, value, span }')),
  },
  MAPPING,
);
export const conflictsFile = entry({ conflicts: list(conflict) }, 'must be a mapping with a `conflicts` list');

export type ArticleEntry = z.output<typeof article>;
export type RoleEntry = z.output<typeof role>;
export type QuoteEntry = z.output<typeof quoteEntry>;
export type MentionEntry = z.output<typeof mention>;
export type ConflictEntry = z.output<typeof conflict>;

// ---------- from zod issues to seed problems ----------
/** Values that validate whole or not at all (a span, a date), so salvage never splits them. */
type Atom = SpanSpec | ParsedDate | Period | readonly string[];
/** What is left of a document that failed validation: every part that is valid on its own. */
export type Salvaged<T> = T extends Atom
  ? T
  : T extends readonly (infer U)[]
    ? Array<Salvaged<U> | undefined>
    : T extends object
      ? { [K in keyof T]?: Salvaged<T[K]> }
      : T;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps each part of `raw` that validates on its own, so one bad field does not hide the checks of the rest. */
function salvage(schema: z.ZodType, raw: unknown): unknown {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  if (schema instanceof z.ZodOptional)
    return raw === undefined ? undefined : salvage(schema.unwrap() as z.ZodType, raw);
  if (schema instanceof z.ZodPipe) {
    // Lists are salvaged item by item (their preprocess step replayed); any other pipe (a span, a date,
    // a refined string) is valid whole or not at all.
    if (!(schema.in instanceof z.ZodTransform && schema.out instanceof z.ZodArray)) return undefined;
    const pre = (schema.in as z.ZodType).safeParse(raw);
    return pre.success ? salvage(schema.out as z.ZodType, pre.data) : undefined;
  }
  if (schema instanceof z.ZodObject && isObj(raw)) {
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(schema.shape)) {
      const v = salvage(s as z.ZodType, raw[k]);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (schema instanceof z.ZodArray && Array.isArray(raw))
    return raw.map((x) => salvage(schema.element as z.ZodType, x));
  return undefined;
}

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) =>
  prefix.every((p, i) => path[i] === p);

/**
 * Validates `raw` against `schema`, reports every issue as a problem at `at(path)`, and returns the
 * parsed document, or what of it is valid when it is not.
 */
export function validate<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  at: (path: readonly PropertyKey[]) => Ctx,
): Salvaged<z.output<T>> | undefined {
  const r = schema.safeParse(raw);
  if (r.success) return r.data as Salvaged<z.output<T>>;
  // Unknown fields are listed before the other problems of their entry (a typo explains the rest).
  const ordered: z.core.$ZodIssue[] = [];
  for (const issue of r.error.issues) {
    const first = issue.code === 'unrecognized_keys' ? ordered.findIndex((o) => startsWith(o.path, issue.path)) : -1;
    ordered.splice(first === -1 ? ordered.length : first, 0, issue);
  }
  for (const issue of ordered) {
    if (issue.code === 'unrecognized_keys')
      for (const k of issue.keys) at([...issue.path, k]).fail(`unknown field '${k}'`);
    else at(issue.path).fail(issue.message);
  }
  return salvage(schema, raw) as Salvaged<z.output<T>> | undefined;
}
