// The review summary printed after a draft is written.
import type { Summary } from './link';

export function formatSummary(s: Summary): string {
  const out: string[] = [];
  const section = (title: string, items: string[]) => {
    out.push(`${title} (${items.length})`);
    for (const i of items) out.push(`  - ${i}`);
  };
  section(
    'new entities',
    s.newEntities.map((e) => `${e.type} ${e.slug}: ${e.name}`),
  );
  section(
    'linked to known entities',
    s.linked.map((e) => `${e.type} ${e.slug}: ${e.evidence}`),
  );
  section(
    'uncertain (review notes)',
    s.uncertain.map((u) => `${u.what}: ${u.why}`),
  );
  section(
    'conflicts (appended to conflicts.yaml)',
    s.conflicts.map((c) => `${c.subject} ${c.field}: ${c.claims.map((x) => `${x.article}=${x.value}`).join(' vs ')}`),
  );
  section(
    'new roles of known people',
    s.newRoles.map((r) => `${r.person}: ${r.title} (known: ${r.known.join(', ') || 'none'})`),
  );
  section('dropped by the validator', s.dropped);
  return out.join('\n');
}
