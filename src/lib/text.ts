// Text helpers shared by the loader and the API (search, name filters).

/**
 * Folds Vietnamese to plain lower-case ASCII-ish text: strips every combining mark and maps đ/Đ to d,
 * which Unicode decomposition alone does not do (Đ has no decomposition).
 */
export function fold(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** True when the character at `i` is a letter or digit (Unicode-aware); false outside the string. */
export function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  return /[\p{L}\p{N}\p{M}]/u.test(s[i] as string);
}
