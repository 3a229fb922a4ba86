// Named entities in the content: people, organizations, places, documents, projects. Rule-based over
// generic lexicons; known names from the knowledge base (the gazetteer) are found first.
import {
  COUNTRIES,
  HONORIFICS,
  KO_CITIES,
  KO_SURNAMES,
  ORG_HEADS,
  PRONOUN_HONORIFICS,
  TITLES,
  VI_PROVINCES,
  VI_SURNAMES,
} from './lexicon';
import { compact, fold, type Range, slugify } from './text';
import type { Entity, EType } from './types';

export interface Token extends Range {
  text: string;
}
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-/.][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
const isCap = (w: string) => /^\p{Lu}/u.test(w);
const isAsciiName = (w: string) => /^[A-Z][a-z]+(?:-[a-zA-Z][a-z]+)?$/.test(w);
const FOLDED_VI_SURNAMES = new Set([...VI_SURNAMES].map(fold));

/** Lower-case words that end a name (function words and common verbs). */
const STOP = new Set(
  'đã sẽ đang là có được bị cho với về của tại trong từ để nhằm theo các những một này đó khi thì mà nên cũng vừa đến tới giữa phía hai ba cùng đều do như năm ngày tháng sau trước qua lần ký tổ giao tham tiếp làm đứng bắt diễn khai phê nhấn khẳng chia bày đề nêu nói đánh hy mong cho biết gồm gửi trao tặng dự chủ trì đón thăm hợp tác ở đây hôm nay vào ra lên xuống rất sự việc and of the in at with for to by on said'.split(
    ' ',
  ),
);
// Words that stay inside a name although they are in STOP ("Vụ Hợp tác quốc tế", "nhà ở").
const INSIDE = new Set(['tác', 'ở']);

export class Names {
  readonly tokens: Token[] = [];
  readonly entities: Entity[] = [];
  /** Character ranges already claimed by a name (a person inside an org name is not taken, and so on). */
  readonly claimed: Array<Range & { key: string }> = [];

  constructor(
    readonly body: string,
    readonly content: Range[],
  ) {
    for (const r of content) {
      TOKEN.lastIndex = 0;
      const part = body.slice(r.start, r.end);
      for (const m of part.matchAll(TOKEN)) {
        this.tokens.push({ start: r.start + (m.index ?? 0), end: r.start + (m.index ?? 0) + m[0].length, text: m[0] });
      }
    }
  }

  key(type: EType, slug: string): string {
    return `${type}:${slug}`;
  }
  get(type: EType, slug: string): Entity | undefined {
    return this.entities.find((e) => e.type === type && e.slug === slug);
  }
  claimedBy(start: number, end: number, types: EType[]): boolean {
    return this.claimed.some((c) => start < c.end && end > c.start && types.some((t) => c.key.startsWith(`${t}:`)));
  }
  isClaimed(start: number, end: number): boolean {
    return this.claimed.some((c) => start < c.end && end > c.start);
  }

  /** Adds (or merges into) an entity, recording `form` at [start, end) as one of its forms. */
  add(type: EType, name: string, start: number, end: number, init: Partial<Entity> = {}, slug = slugify(name)): Entity {
    let e =
      this.get(type, slug) ?? (type === 'project' || type === 'document' ? this.byCompactName(type, name) : undefined);
    if (!e) {
      e = {
        type,
        slug,
        name,
        fields: {},
        honorifics: [],
        aliases: [],
        acronyms: [],
        forms: [],
        pinned: [],
        first: start,
        ...init,
      };
      this.entities.push(e);
    }
    const form = this.body.slice(start, end).replace(/\s+/gu, ' ');
    if (!e.forms.includes(form)) e.forms.push(form);
    e.first = Math.min(e.first, start);
    this.claimed.push({ start, end, key: this.key(type, e.slug) });
    return e;
  }

  tokenAt(pos: number): number {
    return this.tokens.findIndex((t) => t.start >= pos);
  }
  /** Only white space between tokens i and i+1 (no punctuation, no line break). */
  joined(i: number): boolean {
    const a = this.tokens[i];
    const b = this.tokens[i + 1];
    return !!a && !!b && /^ +$/u.test(this.body.slice(a.end, b.start));
  }
  before(pos: number, n = 40): string {
    return this.body.slice(Math.max(0, pos - n), pos);
  }

  // ---------- people ----------
  people(): void {
    const T = this.tokens;
    for (let i = 0; i < T.length; i++) {
      const t = T[i] as Token;
      if (this.isClaimed(t.start, t.end)) continue;
      let n = 0;
      let country: string | undefined;
      if (KO_SURNAMES.has(t.text)) {
        // Korean: surname + one hyphenated or two ASCII given-name syllables
        const g1 = T[i + 1];
        const g2 = T[i + 2];
        if (g1 && this.joined(i) && isAsciiName(g1.text)) {
          if (g1.text.includes('-')) n = 2;
          else if (g2 && this.joined(i + 1) && isAsciiName(g2.text) && !g2.text.includes('-')) n = 3;
          if (n) country = 'KR';
          if (KO_SURNAMES.has(g1.text) && g2 && this.joined(i + 1) && isAsciiName(g2.text)) n = 0;
        }
      }
      if (!n && (VI_SURNAMES.has(t.text) || (FOLDED_VI_SURNAMES.has(fold(t.text)) && /^[A-Z][a-z]+$/.test(t.text)))) {
        let j = i;
        while (
          j - i < 3 &&
          this.joined(j) &&
          T[j + 1] &&
          isCap((T[j + 1] as Token).text) &&
          /^[\p{L}\p{M}]+$/u.test((T[j + 1] as Token).text) &&
          !this.isHead(j + 1)
        )
          j++;
        const len = j - i + 1;
        const hon = this.honorificsBefore(t.start);
        const titled = this.titleBefore(t.start);
        if (len >= 3 || (len === 2 && (hon.length > 0 || titled))) n = len;
        if (n && T[i + 1] && VI_PROVINCES.has(`${t.text} ${(T[i + 1] as Token).text}`)) n = 0;
        if (n) {
          const name = this.body.slice(t.start, (T[i + n - 1] as Token).end);
          const prevWord = /(\p{L}+)\s+$/u.exec(this.before(t.start, 20))?.[1] ?? '';
          const placeBefore = /^(tỉnh|thành|phố|quận|huyện|xã|phường|sông|khu|đường|Khách|sạn|Trường|học)$/u.test(
            prevWord,
          );
          if (
            VI_PROVINCES.has(name) ||
            name in COUNTRIES ||
            (placeBefore && !TITLES.some((x) => this.before(t.start, 40).includes(x)))
          )
            n = 0;
          else country = /[^ -~]/u.test(name) || hon.length + (titled ? 1 : 0) > 0 ? 'VN' : undefined;
        }
      }
      if (!n) {
        // any capitalized run right after a pronoun honorific ("ông X Y")
        const hon = this.honorificsBefore(t.start);
        if (hon.some((h) => PRONOUN_HONORIFICS.has(h)) && isCap(t.text)) {
          let j = i;
          while (j - i < 3 && this.joined(j) && T[j + 1] && isCap((T[j + 1] as Token).text)) j++;
          if (j > i && !this.isHead(i)) n = j - i + 1;
        }
      }
      if (!n) continue;
      const end = (T[i + n - 1] as Token).end;
      const name = this.body.slice(t.start, end);
      const p = this.add('person', name, t.start, end, {}, slugify(name));
      const hon = this.honorificsBefore(t.start);
      for (const h of hon) if (!p.honorifics.includes(h)) p.honorifics.push(h);
      if (country && (hon.length > 0 || this.titleBefore(t.start) || this.titleAfter(end)))
        p.fields.country ??= country;
      if (country === 'KR') p.fields.country = 'KR';
      i += n - 1;
    }
  }

  isHead(i: number): boolean {
    const t = this.tokens[i];
    return (
      !!t &&
      ORG_HEADS.some(
        ([h]) => this.body.startsWith(h, t.start) && !/[\p{L}]/u.test(this.body[t.start + h.length] ?? ' '),
      )
    );
  }
  honorificsBefore(pos: number): string[] {
    const out: string[] = [];
    let p = pos;
    for (let n = 0; n < 3; n++) {
      const pre = this.before(p, 14);
      const hit = HONORIFICS.map((h) => {
        const pronoun = PRONOUN_HONORIFICS.has(h);
        const re = new RegExp(`(?:^|[^\\p{L}.])(${h.replace(/\./g, '\\.')})\\s+$`, pronoun ? 'iu' : 'u');
        return { h, pronoun, m: re.exec(pre) };
      }).find((x) => x.m);
      if (!hit?.m) break;
      const written = hit.m[1] as string;
      out.unshift(hit.pronoun ? hit.h : written);
      p = p - pre.length + (hit.m.index ?? 0) + hit.m[0].indexOf(written);
    }
    return out;
  }
  titleBefore(pos: number): boolean {
    const pre = this.before(pos, 120);
    return TITLES.some((t) => pre.includes(t));
  }
  titleAfter(pos: number): boolean {
    const post = this.body.slice(pos, pos + 40);
    return TITLES.some((t) => new RegExp(`^\\s*[,–-]?\\s*(?:${t})`, 'u').test(post));
  }

  // ---------- organizations ----------
  headAt(pos: number): [string, string] | undefined {
    return ORG_HEADS.find(([h]) => this.body.startsWith(h, pos) && !/\p{L}/u.test(this.body[pos + h.length] ?? ' '));
  }

  orgs(): void {
    const T = this.tokens;
    // 1. Names anchored on a parenthesized acronym: "Viện … Hàn Quốc (KICT)".
    for (const m of this.body.matchAll(/\((\p{Lu}[\p{Lu}\d&]{1,9})\)/gu)) {
      const paren = m.index ?? 0;
      if (!this.content.some((r) => paren >= r.start && paren < r.end)) continue;
      const k0 = this.tokenAt(paren) - 1;
      let k = k0;
      let head: number | undefined;
      for (let steps = 0; k >= 0 && steps < 22; k--, steps++) {
        const t = T[k] as Token;
        const gap = this.body.slice(t.end, k === k0 ? paren : (T[k + 1] as Token).start);
        if (/[.;:!?“”()]/u.test(gap) || this.isPersonAt(t.start)) break;
        if (STOP.has(t.text) && !INSIDE.has(t.text)) break;
        if (this.headAt(t.start) && isCap(t.text)) {
          head = k;
          // a longer head starting one or two tokens earlier ("Trường Đại học")
          for (const back of [1, 2]) {
            const pt = T[k - back];
            const h = pt && this.headAt(pt.start);
            if (pt && h && pt.start + h[0].length >= t.end) head = k - back;
          }
          break;
        }
      }
      if (head === undefined) continue;
      const start = (T[head] as Token).start;
      const end = this.body.slice(start, paren).trimEnd().length + start;
      const name = this.body.slice(start, end);
      if (name.split(/\s+/u).length < 2) continue;
      this.addOrg(name, start, end, m[1] as string, paren, paren + m[0].length);
    }
    // 2. Names from a head followed by a capitalized word.
    for (let i = 0; i < T.length; i++) {
      const t = T[i] as Token;
      if (this.claimedBy(t.start, t.end, ['person', 'org', 'document'])) continue;
      const head = this.headAt(t.start);
      if (!head || !isCap(t.text)) continue;
      const headEnd = t.start + head[0].length;
      let j = this.tokenAt(headEnd);
      if (j < 0) continue;
      const next = T[j] as Token;
      const admin =
        /^(tỉnh|thành phố|Thành phố|quận|huyện|TP\.?)$/u.test(next.text) || /^(tỉnh|thành|Thành)$/u.test(next.text);
      const bare = /^(Chính phủ|Đảng|Quốc hội|Bộ Chính trị)$/u.test(head[0]);
      if (!/^ +$/u.test(this.body.slice(headEnd, next.start)) && !bare) continue;
      if (!isCap(next.text) && !admin && !bare) continue;
      let end = headEnd;
      let lower = 0;
      let endedByCountry = false;
      for (; j < T.length; j++) {
        const w = T[j] as Token;
        const gap = this.body.slice(end, w.start);
        if (end !== headEnd && /^, $/u.test(gap) && this.commaContinues(j)) {
          end = w.end;
          continue;
        }
        if (end !== headEnd && !/^ +$/u.test(gap)) break;
        if (end === headEnd && !/^ +$/u.test(gap)) break;
        const acr = this.claimed.find(
          (c) => c.key.startsWith('org:') && c.start === w.start && c.end === w.end && /^\p{Lu}{2,}$/u.test(w.text),
        );
        if (acr && end === headEnd) {
          // "Học viện AMC": the head and a known acronym name that organization
          const e = this.entities.find((x) => `org:${x.slug}` === acr.key);
          if (e) this.add('org', e.name, t.start, w.end, {}, e.slug);
          end = -1;
          break;
        }
        if (this.claimedBy(w.start, w.end, ['person', 'org', 'document'])) break;
        if (STOP.has(w.text) && !INSIDE.has(w.text)) break;
        if (w.text === 'và') {
          const nx = T[j + 1];
          if (endedByCountry || !nx || this.headAt(nx.start) || this.isPersonAt(nx.start)) break;
        }
        if (j > this.tokenAt(headEnd) && this.headAt(w.start) && isCap(w.text) && !/^(Công|Đại)$/u.test(w.text)) break;
        if (bare && !isCap(w.text)) break;
        if (/^\p{Lu}{2,}$/u.test(this.body.slice(headEnd, end).trim().split(' ').pop() ?? '') && end > headEnd) break;
        if (isCap(w.text) || admin) {
          lower = 0;
        } else if (++lower > 6) break;
        end = w.end;
        const tail = this.body.slice(headEnd, end);
        endedByCountry =
          Object.keys(COUNTRIES).some((c) => tail.endsWith(` ${c}`)) ||
          [...VI_PROVINCES, ...KO_CITIES].some((c) => tail.endsWith(` ${c}`));
        if (endedByCountry && head[1] !== 'EMBASSY') {
          j++;
          break;
        }
        if (endedByCountry && head[1] === 'EMBASSY' && !/^ tại /u.test(this.body.slice(end, end + 5))) {
          j++;
          break;
        }
      }
      if (end < 0) continue;
      while (end > headEnd) {
        const last = /(\S+)$/u.exec(this.body.slice(headEnd, end))?.[1] ?? '';
        if (!/^(và|của|cho|với|tại)$/u.test(last)) break;
        end = this.body.slice(0, end - last.length).trimEnd().length;
      }
      if (end === headEnd && !bare) continue;
      const name = this.body.slice(t.start, end);
      this.addOrg(name, t.start, end);
      i = this.tokenAt(end) - 1;
    }
  }

  /** "Bộ Đất đai, hạ tầng, giao thông Hàn Quốc": a comma list inside a name that ends with a country. */
  commaContinues(j: number): boolean {
    const T = this.tokens;
    for (let k = j; k < Math.min(T.length, j + 8); k++) {
      const w = T[k] as Token;
      const gap = this.body.slice((T[k - 1] as Token).end, w.start);
      if (k > j && !/^(?: |, )$/u.test(gap)) return false;
      if (
        /^(đã|sẽ|đang|là|có|được|tổ|cho|với|của|tại|và)$/u.test(w.text) ||
        this.headAt(w.start) ||
        this.isPersonAt(w.start)
      )
        return false;
      const tail = this.body.slice((T[j] as Token).start, w.end);
      if (Object.keys(COUNTRIES).some((c) => c.includes(' ') && tail.endsWith(c))) return true;
    }
    return false;
  }

  isPersonAt(pos: number): boolean {
    return this.claimed.some((c) => c.key.startsWith('person:') && pos >= c.start && pos < c.end);
  }

  addOrg(name: string, start: number, end: number, acronym?: string, aStart?: number, aEnd?: number): Entity {
    const head = this.headAt(start);
    let kind = head?.[1] ?? 'OTHER';
    if (/^(UBND|Ủy ban nhân dân|HĐND) (thành phố|Thành phố|TP)/u.test(name)) kind = 'CITY_GOVERNMENT';
    if (/^Chính quyền/u.test(name)) kind = 'CITY_GOVERNMENT';
    if (/^Ban Quản lý/u.test(name)) kind = 'PROJECT_OFFICE';
    if (/^Bộ Chính trị/u.test(name)) kind = 'PARTY_BODY';
    const country =
      Object.entries(COUNTRIES).find(([c]) => ` ${fold(name)} `.includes(` ${fold(c)} `))?.[1] ??
      ([...KO_CITIES].some((c) => name.includes(c))
        ? 'KR'
        : /^(Bộ|Sở|Cục|Vụ|Tổng cục|UBND|HĐND|Ủy ban nhân dân|Học viện|Trường Đại học|Thành ủy|Tỉnh ủy)\s/u.test(name)
          ? 'VN'
          : undefined);
    const e = this.add('org', name, start, end, { fields: { kind, ...(country ? { country } : {}) } });
    if (acronym && !e.acronyms.includes(acronym)) {
      e.acronyms.push(acronym);
      if (aStart !== undefined && aEnd !== undefined)
        this.claimed.push({ start: aStart + 1, end: aEnd - 1, key: `org:${e.slug}` });
    }
    // "Vụ X (Bộ Y)": the parent named in parentheses
    const par = /^\s*\(([^()]{3,60})\)/u.exec(this.body.slice(end, end + 64));
    if (par && this.headAt(end + par[0].indexOf('(') + 1) && !acronym) e.fields.parentName = par[1];
    return e;
  }

  /** Every further occurrence of the acronyms and names found (word-bounded, inside the content). */
  spreadForms(): void {
    for (const e of this.entities) {
      for (const f of [...e.acronyms, ...e.forms]) {
        const re = new RegExp(
          `(?<![\\p{L}\\p{N}])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
          'gu',
        );
        for (const m of this.body.matchAll(re)) {
          const s = m.index ?? 0;
          if (!this.content.some((r) => s >= r.start && s + m[0].length <= r.end)) continue;
          if (!e.forms.includes(m[0])) e.forms.push(m[0].replace(/\s+/gu, ' '));
        }
      }
    }
  }

  /** "Bộ Xây dựng Việt Nam" is "Bộ Xây dựng" named with its country: one organization. */
  mergeCountryVariants(): void {
    for (const e of [...this.entities]) {
      if (e.type !== 'org') continue;
      const c = Object.keys(COUNTRIES).find((k) => k.includes(' ') && e.name.endsWith(` ${k}`));
      if (!c) continue;
      const base = this.entities.find((o) => o.type === 'org' && o !== e && o.name === e.name.slice(0, -c.length - 1));
      if (!base) continue;
      for (const f of e.forms) if (!base.forms.includes(f)) base.forms.push(f);
      if (!base.aliases.includes(e.name)) base.aliases.push(e.name);
      base.first = Math.min(base.first, e.first);
      for (const cl of this.claimed) if (cl.key === `org:${e.slug}`) cl.key = `org:${base.slug}`;
      this.entities.splice(this.entities.indexOf(e), 1);
    }
  }

  byCompactName(type: EType, name: string): Entity | undefined {
    const c = compact(name);
    return this.entities.find(
      (e) => e.type === type && (compact(e.name) === c || e.forms.some((f) => compact(f) === c)),
    );
  }
}
