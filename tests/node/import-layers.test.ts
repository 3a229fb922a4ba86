// Verifies the direction of imports between the top-level folders (import cycles inside them are `npm run check:cycles`): src/ imports none of scripts/, bench/ or tests/, and scripts/ never imports bench/ (bench/ builds on scripts/, not the reverse).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** Relative imports (static, re-exports and dynamic) of a file, as top-level folder names. */
function importedFolders(file: string): Array<{ file: string; target: string }> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g)].map(
    (m) => m[1] as string,
  );
  return specs.map((spec) => {
    const target = relative(ROOT, resolve(ROOT, dirname(file), spec));
    return { file, target: target.split('/')[0] as string };
  });
}

const RULES: Array<{ from: string; never: string[] }> = [
  { from: 'src', never: ['scripts', 'bench', 'tests'] },
  { from: 'scripts', never: ['bench'] },
];

describe('imports between top-level folders', () => {
  for (const rule of RULES) {
    it(`${rule.from}/ never imports ${rule.never.map((n) => `${n}/`).join(', ')}`, () => {
      const edges = tsFiles(rule.from).flatMap(importedFolders);
      // The scan must see the folder's own imports, or it proves nothing.
      expect(edges.filter((e) => e.target === rule.from).length).toBeGreaterThan(2);
      expect(edges.filter((e) => rule.never.includes(e.target)).map((e) => `${e.file} -> ${e.target}/`)).toEqual([]);
    });
  }

  it('the scan finds imports across folders (bench/ -> scripts/, allowed that way round)', () => {
    expect(
      tsFiles('bench')
        .flatMap(importedFolders)
        .some((e) => e.target === 'scripts'),
    ).toBe(true);
  });
});
