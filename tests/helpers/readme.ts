// The README's examples: each `<!-- example -->` marker is followed by a GraphQL block and the JSON it returns.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const README = fileURLToPath(new URL('../../README.md', import.meta.url));

export interface Example {
  query: string;
  output: string;
  /** Offsets of the JSON block's body in the README text, for rewriting it. */
  outputStart: number;
  outputEnd: number;
}

const PATTERN = /<!-- example -->\n```graphql\n([\s\S]*?)```\n\n```json\n([\s\S]*?)```/g;

export function readExamples(text = readFileSync(README, 'utf8')): Example[] {
  const out: Example[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const outputStart = (m.index as number) + m[0].length - 3 - (m[2] as string).length;
    out.push({
      query: m[1] as string,
      output: m[2] as string,
      outputStart,
      outputEnd: outputStart + (m[2] as string).length,
    });
  }
  return out;
}
