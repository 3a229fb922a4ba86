// An HTML page: its text (kept as the article file, chrome and all) and where Readability finds the article.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { IngestError } from './errors';

const BLOCK =
  /^(P|DIV|H[1-6]|LI|UL|OL|BR|TR|SECTION|ARTICLE|HEADER|FOOTER|NAV|ASIDE|FIGURE|FIGCAPTION|BLOCKQUOTE|TABLE|MAIN|TIME)$/u;

function textOf(node: Node, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out.push((child.textContent ?? '').replace(/\s+/gu, ' '));
    else if (child.nodeType === 1) {
      const tag = (child as Element).tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') continue;
      const block = BLOCK.test(tag);
      if (block) out.push('\n');
      textOf(child, out);
      if (block) out.push('\n');
    }
  }
}

export function pageText(root: Node): string {
  const out: string[] = [];
  textOf(root, out);
  return out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l, i, a) => l !== '' || (a[i - 1] ?? '') !== '')
    .join('\n\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

export function htmlToPage(html: string): { text: string; articleStart?: number } {
  const { document } = parseHTML(html);
  const text = pageText(document.body ?? document.documentElement);
  const article = new Readability(parseHTML(html).document as unknown as Document).parse();
  if (!article || (article.textContent ?? '').trim().split(/\s+/u).length < 40)
    throw new IngestError('no article found in the HTML page (Readability finds no main text)');
  const first = (article.textContent ?? '').trim().split('\n')[0]?.trim().slice(0, 40) ?? '';
  const at = first ? text.indexOf(first) : -1;
  return { text, articleStart: at >= 0 ? at : undefined };
}
