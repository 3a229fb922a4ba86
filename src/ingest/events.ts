// Events the article reports as having happened: a trigger noun (lễ ký, Hội nghị, Hội thảo …) in a
// sentence that dates it or says it took place, never a plan ("sẽ tổ chức").
import { EVENT_TRIGGERS, PART_OF_DAY } from './lexicon';
import type { Names } from './names';
import { inRanges, lines, type Range, sentences, slugify, trimRange } from './text';
import type { EventX, Quote } from './types';

const DATE =
  /(?:(Sáng|sáng|Chiều|chiều|Tối|tối|Trưa|trưa)\s+(?:ngày\s+)?|(?:[Nn]gày)\s+)(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/u;
const GATHERING = ['CONFERENCE', 'WORKSHOP', 'FORUM', 'SIGNING', 'MEETING', 'CEREMONY'];

export function findEvents(n: Names, content: Range[], published?: string): EventX[] {
  const body = n.body;
  const out: EventX[] = [];
  const year = published ? Number(published.slice(0, 4)) : undefined;
  for (const line of lines(body).filter((l) => inRanges(content, l.start, l.end))) {
    for (const s of sentences(body, line.start, line.end)) {
      const text = body.slice(s.start, s.end);
      const d = DATE.exec(text);
      let kind: string | undefined;
      let trig: RegExpExecArray | null = null;
      const signed = /đã ký (?:ban hành )?(Quyết định|Nghị quyết|Nghị định|Thông tư|Chỉ thị|[Bb]iên bản ghi nhớ)/u.exec(
        text,
      );
      if (signed) {
        kind = /[Bb]iên bản/u.test(signed[1] as string) ? 'SIGNING' : 'DECISION';
        trig = signed;
      } else {
        // "Sau lễ ký kết, hội thảo … đã được tổ chức": the event is the one after the prefix
        const skip = /^Sau (?:khi )?[^,]{3,60},\s*/u.exec(text)?.[0].length ?? 0;
        for (const [re, k] of EVENT_TRIGGERS) {
          const g = new RegExp(re.source, 'giu');
          g.lastIndex = skip;
          const m = g.exec(text);
          if (m && (!trig || m.index < trig.index)) {
            trig = m;
            kind = k;
          }
        }
      }
      if (!trig || !kind || kind === 'OTHER') continue;
      const before = text.slice(0, trig.index);
      if (/(?:sẽ|dự kiến|kế hoạch)\s+(?:\S+\s+){0,3}$/u.test(before) || /\bsẽ\b/u.test(before.slice(-30))) continue;
      const happened = /diễn ra|tổ chức|đã ký|ký kết|tham gia|trong buổi|tại buổi/u.test(text);
      const after = /^Sau (?:khi )?(lễ [^,]+|[^,]{3,40}),/u.exec(text);
      const parent = after
        ? out.find((e) => e.forms.some((f) => (after[1] as string).toLowerCase().includes(f.toLowerCase())))
        : undefined;
      if (
        !(
          d ||
          (!signed &&
            (kind === 'MEETING' || kind === 'STUDY_TOUR') &&
            /trong buổi|tại buổi|tham gia chương trình|đã (?:có )?buổi/u.test(text)) ||
          (parent && happened)
        )
      )
        continue;
      // one event per kind unless another date says otherwise
      const same = out.find((e) => e.kind === kind);
      if (same && (!d || same.date?.span.start === undefined)) continue;
      let date: EventX['date'];
      if (d) {
        const [dd, mm, yy] = [Number(d[2]), Number(d[3]), d[4] ? Number(d[4]) : undefined];
        let y = yy ?? year;
        if (y !== undefined) {
          if (!yy && published && `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}` > published)
            y -= 1;
          const dStart = s.start + (d.index ?? 0);
          date = {
            value: `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`,
            precision: 'DAY',
            inferred: yy === undefined,
            span: { start: dStart, end: dStart + d[0].length },
          };
        }
      } else if (parent?.date) {
        const ps = s.start;
        date = {
          ...parent.date,
          inferred: true,
          span: { start: ps, end: ps + (after as RegExpExecArray)[0].length - 1 },
        };
      }
      if (same && same.date?.value === date?.value) continue;
      const tStart = s.start + trig.index;
      const tail = body.slice(tStart, s.end);
      const stop = /\s(?:giữa|do|với sự|tại|đã|vừa|nhằm|với các|với)\s|[,.;]/u.exec(tail.slice(trig[0].length));
      const titleText = tail
        .slice(0, trig[0].length + (stop ? stop.index : Math.min(tail.length - trig[0].length, 120)))
        .trim();
      const title = titleText.charAt(0).toUpperCase() + titleText.slice(1);
      const report = trimRange(body, s.start, s.end, /[\s.]/u);
      const ev: EventX = {
        type: 'event',
        slug: slugify(`${title} ${date?.value.slice(0, 4) ?? ''}`, 70),
        name: title,
        fields: {},
        honorifics: [],
        aliases: [],
        acronyms: [],
        forms: [],
        pinned: [],
        first: tStart,
        kind,
        report,
        date,
        participants: [],
        documents: [],
        parent: parent?.slug,
      };
      const pod = d?.[1]?.toLowerCase();
      if (pod) ev.partOfDay = PART_OF_DAY[pod];
      if (/trực tuyến|online/u.test(titleText)) ev.online = true;
      const at = /(?:^|\s)tại\s+/u.exec(text);
      if (at) {
        const pos = s.start + (at.index ?? 0) + at[0].length;
        const hit = n.claimed.find((c) => (c.key.startsWith('place:') || c.key.startsWith('org:')) && c.start === pos);
        if (hit) ev.fields.placeAt = hit;
      }
      // who organizes, who signs, who the parties are
      for (const c of n.claimed.filter((c) => c.key.startsWith('org:') && c.start >= s.start && c.end <= s.end)) {
        const post = body.slice(c.end, c.end + 40);
        const prev = body.slice(Math.max(s.start, c.start - 60), c.start);
        if (/^\s*(?:\([^)]*\)\s*)?(?:đã\s+)?(?:đứng ra\s+)?tổ chức/u.test(post) || /\bdo\s+$/u.test(prev))
          addP(ev, 'org', c.key.slice(4), 'ORGANIZER', {
            start: /\bdo\s+$/u.test(prev) ? c.start - 3 : c.start,
            end: c.end + (/^[^,.;]*?tổ chức/u.exec(post)?.[0].length ?? 0),
          });
        if (kind === 'DECISION' && /^\s*đã ký/u.test(post))
          addP(ev, 'org', c.key.slice(4), 'SIGNATORY', {
            start: c.start,
            end: c.end + (/^\s*đã ký/u.exec(post)?.[0].length ?? 0),
          });
        if (kind === 'SIGNING' && /giữa\s+(?:[^.]*?)$/u.test(prev) && c.start > tStart)
          addP(ev, 'org', c.key.slice(4), 'PARTY', c);
      }
      if (kind === 'DECISION' || kind === 'SIGNING') {
        const docs = n.claimed.filter((c) => c.key.startsWith('document:') && c.start >= tStart && c.end <= s.end);
        for (const doc of docs) if (!ev.documents.includes(doc.key.slice(9))) ev.documents.push(doc.key.slice(9));
      }
      ev.forms.push(trig[0]);
      out.push(ev);
    }
  }
  // every later naming of an event of that kind ("Hội nghị", "Diễn đàn", "lễ ký kết")
  for (const ev of out) {
    const kindRe = EVENT_TRIGGERS.find(([, k]) => k === ev.kind)?.[0];
    if (!kindRe || ev.kind === 'DECISION') continue;
    const g = new RegExp(kindRe.source, 'giu');
    for (const m of body.matchAll(g)) {
      const s = m.index ?? 0;
      if (!inRanges(content, s, s + m[0].length) || s < ev.first) continue;
      if (out.some((o) => o !== ev && o.kind === ev.kind && o.first > ev.first && s >= o.first)) continue;
      if (!ev.forms.includes(m[0])) ev.forms.push(m[0]);
    }
  }
  return out;
}

function addP(ev: EventX, type: 'person' | 'org', slug: string, role: string, span: Range) {
  if (ev.participants.some((p) => p.slug === slug && p.role === role)) return;
  ev.participants.push({ type, slug, role, span: { start: span.start, end: span.end } });
}

/** A quote's event: the one its sentence names ("Tại Hội nghị"), else the article's main gathering. */
export function attachQuotes(events: EventX[], quotes: Quote[], body: string): void {
  const main = events.find((e) => GATHERING.includes(e.kind));
  for (const q of quotes) {
    const ctx = body.slice(q.attribution.start, q.attribution.end).toLowerCase();
    const named = events.find((e) => e.forms.some((f) => ctx.includes(f.toLowerCase())));
    const ev = named ?? main;
    if (!ev) continue;
    q.event = ev.slug;
    addP(ev, 'person', q.speaker, 'SPEAKER', q.attribution);
  }
}
