// Facts over the named entities: roles (title + organization as stated), quotes (direct and reported
// speech of a named person) and the speaker references they rest on.
import { ATTITUDE_VERBS, SPEECH_VERBS, TITLES } from './lexicon';
import type { Names } from './names';
import { fold, inRanges, lines, type Range, sentences, trimRange } from './text';
import type { Quote, Role } from './types';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TITLE_RE = TITLES.map(esc).join('|');

export class Facts {
  roles: Role[] = [];
  quotes: Quote[] = [];
  constructor(
    readonly n: Names,
    readonly captions: Range[],
  ) {}
  get body() {
    return this.n.body;
  }
  persons() {
    return this.n.claimed.filter((c) => c.key.startsWith('person:')).sort((a, b) => a.start - b.start);
  }
  orgEndingAt(pos: number) {
    return this.n.claimed.find((c) => c.key.startsWith('org:') && c.end === pos);
  }
  orgStartingAt(pos: number) {
    return this.n.claimed.find((c) => c.key.startsWith('org:') && c.start === pos);
  }
  isCaption(pos: number) {
    return this.captions.some((c) => pos >= c.start && pos < c.end);
  }

  // ---------- roles ----------
  findRoles(): void {
    for (const p of this.persons()) {
      const person = p.key.slice(7);
      // "Name, Title Org" / "Name - Title Org"
      const after = new RegExp(`^\\s*[,–-]\\s*(${TITLE_RE})\\s+(?:of\\s+(?:the\\s+)?)?`, 'u').exec(
        this.body.slice(p.end, p.end + 60),
      );
      if (after) {
        const at = p.end + after[0].length;
        const org = this.orgStartingAt(at);
        const honor = /(?:ông|bà|ngài|đồng chí)\s+$/iu.exec(this.n.before(p.start, 12));
        const start = honor ? p.start - honor[0].length : p.start;
        if (org) this.addRole(person, after[1] as string, org.key.slice(4), start, org.end);
        else {
          const rest =
            /^[^,.;:()“”\n]{2,60}?(?=\s+(?:phát biểu|khẳng định|cho biết|nhấn mạnh|khai mạc|đã|và)\s|\s*[(,.;\n]|$)/u.exec(
              this.body.slice(at, at + 80),
            );
          const phrase = rest ? rest[0] : '';
          const o = this.orgFor(at, phrase);
          const title = o ? (after[1] as string) : `${after[1]}${phrase ? ` ${phrase.trim()}` : ''}`;
          this.addRole(person, title, o, start, at + phrase.length);
        }
        continue;
      }
      // "Title Org Name" / "Title Org (Parent), Name" / "Title … Name"
      const pre = this.n.before(p.start, 160);
      const m = new RegExp(`(${TITLE_RE})((?:\\s+[^,.;:“”\\n]*?)?)(\\s*\\([^()]{2,60}\\))?\\s*,?\\s*$`, 'u').exec(pre);
      if (m) {
        const tStart = p.start - pre.length + (m.index ?? 0);
        const afterTitle = tStart + (m[1] as string).length;
        const orgEnd = afterTitle + (m[2] as string).length;
        const org = this.orgStartingAt(afterTitle + ((m[2] as string).length - (m[2] as string).trimStart().length));
        if (org && org.end === orgEnd) this.addRole(person, m[1] as string, org.key.slice(4), tStart, p.end);
        else if ((m[2] as string).trim().split(/\s+/u).length <= 6 && !/[.!?]/u.test(m[2] as string)) {
          const phrase = (m[2] as string).trim();
          const o = org
            ? undefined
            : this.orgFor(afterTitle + ((m[2] as string).length - (m[2] as string).trimStart().length), phrase);
          const title = o ? (m[1] as string) : `${m[1]}${(m[2] as string).trimEnd()}`.trim();
          this.addRole(person, title, o, tStart, p.end);
        }
      }
    }
  }
  /** The organization a phrase after a title names: an org found there, one the phrase starts with, or the org named "… thành phố X" elsewhere. */
  orgFor(at: number, phrase: string): string | undefined {
    const hit = this.orgStartingAt(at);
    if (hit) return hit.key.slice(4);
    const p = phrase.trim();
    if (!p) return undefined;
    const head = this.n.headAt(at);
    if (head && p === head[0]) {
      const same = this.n.entities.filter((e) => e.type === 'org' && e.name.startsWith(`${p} `));
      return same.length === 1 ? same[0]?.slug : undefined;
    }
    if (head && p.length > head[0].length) return this.n.addOrg(p, at, at + p.length).slug;
    if (/^(thành phố|tỉnh|Thành phố)\s+\p{Lu}/u.test(p)) {
      const org = this.n.entities.find((e) => e.type === 'org' && fold(e.name).endsWith(fold(p)));
      if (org) return org.slug;
    }
    return undefined;
  }

  addRole(person: string, title: string, org: string | undefined, start: number, end: number) {
    const mine = this.roles.filter((r) => r.person === person);
    if (mine.some((r) => fold(r.title) === fold(title))) return;
    // "Phó Giám đốc Học viện AMC" without an organization found is the same role as "Phó Giám đốc" of it
    if (!org && mine.some((r) => r.org && fold(title).startsWith(fold(r.title)))) return;
    if (org)
      this.roles = this.roles.filter((r) => !(r.person === person && !r.org && fold(r.title).startsWith(fold(title))));
    this.roles.push({ person, title, org, span: { start, end }, caption: this.isCaption(start) });
  }

  // ---------- who is speaking ----------
  /** The person a stretch of text designates: a name, a title held by one person here, "đại diện Org", "ông Given". */
  resolve(ws: number, we: number): string | undefined {
    const named = this.persons().filter((p) => p.start >= ws && p.end <= we);
    if (named.length > 0) return (named[named.length - 1] as { key: string }).key.slice(7);
    const text = this.body.slice(ws, we);
    const rep = /đại diện\s+$/iu;
    for (const r of this.roles) {
      const org = r.org ? this.n.get('org', r.org) : undefined;
      if (
        org &&
        rep.test(this.body.slice(ws, we).split(org.forms[0] as string)[0] ?? '') &&
        org.forms.some((f) => text.includes(`đại diện ${f}`))
      )
        return r.person;
    }
    const byTitle = [
      ...new Set(
        this.roles
          .filter((r) => new RegExp(`(?:^|[^\\p{L}])${esc(r.title)}(?![\\p{L}])`, 'u').test(text))
          .map((r) => r.person),
      ),
    ];
    if (byTitle.length === 1) return byTitle[0];
    const given =
      /(?:^|[^\p{L}])(?:[ÔôBb][nà]g?|Ông|Bà|ông|bà)\s+(\p{Lu}[\p{L}\p{M}]*)\s*$/u.exec(text.trimEnd()) ??
      /(?:^|[^\p{L}])(?:Ông|Bà|ông|bà)\s+(\p{Lu}[\p{L}\p{M}]*)(?![\p{L}])/u.exec(text);
    if (given) {
      const hits = this.n.entities.filter((e) => e.type === 'person' && e.name.endsWith(` ${given[1]}`));
      if (hits.length === 1) return hits[0]?.slug;
    }
    if (/^\s*(?:Ông|Bà|Ngài)\s*(?:cũng\s*)?$/u.test(text)) {
      const prev = this.persons().filter((p) => p.end <= ws);
      return prev[prev.length - 1]?.key.slice(7);
    }
    return undefined;
  }

  // ---------- quotes ----------
  findQuotes(content: Range[]): void {
    const verbs = [...SPEECH_VERBS, ...ATTITUDE_VERBS]
      .sort((a, b) => b.length - a.length)
      .map(esc)
      .join('|');
    const lineRanges = lines(this.body).filter((l) => inRanges(content, l.start, l.end) && !this.isCaption(l.start));
    const direct: Range[] = [];
    for (const line of lineRanges) {
      // DIRECT: outermost “…” pairs in the paragraph
      let depth = 0;
      let open = -1;
      for (let i = line.start; i < line.end; i++) {
        const c = this.body[i];
        if (c === '“') {
          if (depth === 0) open = i;
          depth++;
        } else if (c === '”' && depth > 0) {
          depth--;
          if (depth === 0) this.direct(open, i, line, verbs, direct);
        } else if (c === '"' && depth === 0) {
          // straight quotes pair up in reading order
          const close = this.body.indexOf('"', i + 1);
          if (close > i && close < line.end) {
            this.direct(i, close, line, verbs, direct);
            i = close;
          }
        }
      }
      // INDIRECT: one per sentence with a speaker as subject of a speech verb
      for (const s of sentences(this.body, line.start, line.end)) {
        if (direct.some((d) => d.start >= s.start && d.end <= s.end)) continue;
        this.indirect(s, line, verbs);
      }
    }
  }

  direct(open: number, close: number, line: Range, verbs: string, out: Range[]): void {
    const inner = trimRange(this.body, open + 1, close, /[\s.,]/u);
    const text = this.body.slice(inner.start, inner.end);
    const pre = this.body.slice(line.start, open);
    const verbBefore = new RegExp(`(?:^|[^\\p{L}])(${verbs})\\s*[:,]?\\s*$`, 'iu').exec(pre);
    if (
      /(?:[Dd]ự án|[Đđ]ề án|chủ đề|ghi nhớ(?: về)?|[Cc]hương trình|Hội thảo|Diễn đàn|mang tên|khẩu hiệu|nhiệm vụ|Quyết định[^“]*)\s*$/u.test(
        pre,
      ) &&
      !verbBefore
    )
      return;
    if (text.split(/\s+/u).length < 6) return;
    let speaker: string | undefined;
    let attribution: Range | undefined;
    if (verbBefore) {
      const sentStart = Math.max(line.start, this.sentenceStart(line, open));
      const vStart = open - pre.length + (pre.length - verbBefore[0].length) + line.start - line.start;
      speaker = this.resolve(
        sentStart,
        line.start + (pre.length - verbBefore[0].length) + (verbBefore[0].length - verbBefore[0].trimStart().length),
      );
      attribution = { start: sentStart, end: vStart + verbBefore[0].trimEnd().length };
    }
    if (!speaker) {
      const post = this.body.slice(close + 1, line.end);
      const m = new RegExp(`^\\s*[,.]?\\s*[,–-]?\\s*(.{0,160}?)\\s+(?:cũng\\s+|đã\\s+)?(?:${verbs})\\s*[.]`, 'u').exec(
        post,
      );
      if (m) {
        const ws = close + 1 + post.indexOf(m[1] as string);
        speaker = this.resolve(ws, ws + (m[1] as string).length);
        attribution = { start: ws, end: close + 1 + m[0].length - 1 };
      }
    }
    out.push({ start: open, end: close });
    if (!speaker || !attribution) return;
    this.quotes.push({ kind: 'DIRECT', speaker, span: inner, attribution, documents: [] });
  }

  sentenceStart(line: Range, pos: number): number {
    const ss = sentences(this.body, line.start, line.end).filter((s) => s.start <= pos);
    return ss[ss.length - 1]?.start ?? line.start;
  }

  indirect(s: Range, line: Range, verbs: string): void {
    const text = this.body.slice(s.start, s.end);
    const theo = /^(?:[^,]{0,40},\s*)?[Tt]heo\s+([^,]{3,120}),\s*/u.exec(text);
    if (theo && theo.index === 0) {
      const ws = s.start + theo[0].indexOf(theo[1] as string);
      const who = this.resolve(ws, ws + (theo[1] as string).length);
      const mid = /^[Tt]heo/u.test(text);
      if (who) {
        const span = mid ? trimRange(this.body, s.start + theo[0].length, s.end) : trimRange(this.body, s.start, s.end);
        this.addIndirect(who, span, { start: ws - 5, end: ws + (theo[1] as string).length });
        return;
      }
    }
    const mid = /,\s*theo\s+([^,]{3,120}?)\s+(?=sẽ|là|đã|cần)/u.exec(text);
    if (mid) {
      const ws = s.start + (mid.index ?? 0) + mid[0].indexOf(mid[1] as string);
      const who = this.resolve(ws, ws + (mid[1] as string).length);
      if (who) {
        this.addIndirect(who, trimRange(this.body, s.start, s.end), { start: ws, end: ws + (mid[1] as string).length });
        return;
      }
    }
    const re = new RegExp(`(?:^|[^\\p{L}])(${verbs})(?![\\p{L}])`, 'giu');
    for (const m of text.matchAll(re)) {
      const verb = (m[1] as string).toLowerCase();
      const vStart = s.start + (m.index ?? 0) + m[0].indexOf(m[1] as string);
      const vEnd = vStart + verb.length;
      const rest = this.body.slice(vEnd, s.end);
      if (/^\s+(?:tại|trong|với sự|ở)\s/u.test(rest) || /^\s*“/u.test(rest)) continue;
      if (/(?:sẽ|hãy|cần)\s+$/u.test(this.body.slice(s.start, vStart))) continue;
      const who = this.resolve(s.start, vStart);
      if (!who) continue;
      const attitude = ATTITUDE_VERBS.some((a) => a === verb);
      const lead = /^\s*(?:rằng\s+|that\s+)?[:,]?\s*/u.exec(rest)?.[0] ?? '';
      const start = attitude ? vStart : vEnd + lead.length;
      const colon = /^\s*:/u.test(rest);
      const end = colon ? line.end : s.end;
      const span = trimRange(this.body, start, end, /[\s.,;:…!?]/u);
      if (this.body.slice(span.start, span.end).split(/\s+/u).length < 4) return;
      this.addIndirect(who, span, { start: s.start, end: vEnd });
      return;
    }
  }
  addIndirect(speaker: string, span: Range, attribution: Range) {
    if (this.quotes.some((q) => span.start < q.span.end && span.end > q.span.start)) return;
    this.quotes.push({ kind: 'INDIRECT', speaker, span, attribution, documents: [] });
  }
}
