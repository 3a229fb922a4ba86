// The extractor's working model: what it found in the text, before it is written as a seed draft.
import type { Range } from './text';

export type EType = 'person' | 'org' | 'place' | 'document' | 'project' | 'event';

export interface Entity {
  type: EType;
  /** Working key (a slug; replaced by the known slug when linked). */
  slug: string;
  name: string;
  fields: Record<string, unknown>;
  honorifics: string[];
  aliases: string[];
  acronyms: string[];
  /** Surface forms that designate it in the content (the `mentions` forms). */
  forms: string[];
  /** Single pinned occurrences (generic words such as "Ông" or "Hội"). */
  pinned: Range[];
  first: number;
  link?: { slug: string; evidence: string };
  review?: string;
}

export interface Role {
  person: string;
  title: string;
  org?: string;
  span: Range;
  caption: boolean;
  review?: string;
}

export interface Quote {
  kind: 'DIRECT' | 'INDIRECT';
  speaker: string;
  span: Range;
  /** Where the attribution is (for the participant span). */
  attribution: Range;
  event?: string;
  documents: string[];
  review?: string;
}

export interface Participant {
  type: 'person' | 'org';
  slug: string;
  role: string;
  span: Range;
}

export interface EventX extends Entity {
  kind: string;
  report: Range;
  date?: { value: string; precision: 'DAY' | 'MONTH' | 'YEAR'; inferred: boolean; span: Range };
  participants: Participant[];
  documents: string[];
  partOfDay?: string;
  place?: string;
  online?: boolean;
  parent?: string;
}

export interface Conflict {
  slug: string;
  subject: string;
  field: string;
  description: string;
  claims: Array<{ article: string; value: string; span: string | { text: string; occurrence: number } }>;
}

export interface Meta {
  id: string;
  slug: string;
  lang: 'vi' | 'en';
  languages: string[];
  content: Array<Range & { lang: string }>;
  title: Range;
  published?: { local: string; offset?: string; span: Range };
  publisher?: { name: string; span: Range };
  authors: Array<{ name: string; honorifics: string[]; span: Range }>;
  /** Lines that are photo captions or headline repeats: no quotes come from them. */
  captions: Range[];
  url?: string;
  /** The day the article enters the knowledge base. */
  added: string;
}
