/**
 * Agency slugs: stable ASCII URL keys. The default is the name in toneless pinyin, one hyphen-separated syllable
 * per character (`聊城市卫生健康委员会` → `liao-cheng-shi-wei-sheng-jian-kang-wei-yuan-hui`). pinyin-pro guesses
 * polyphones from context and sometimes guesses wrong (单县 is Shàn Xiàn), so content/agencies.yaml can set a slug
 * per agency; see agencies.ts. Pure: same name in, same slug out.
 */
import { pinyin } from 'pinyin-pro';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a well-formed slug: lowercase ASCII letters and digits in hyphen-separated runs. */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** Agency name as compared for matching: NFKC (full-width → ASCII), no whitespace. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** Default slug of an agency name: toneless pinyin (ü as v), ASCII runs kept, everything else dropped. */
export function pinyinSlug(name: string): string {
  const key = nameKey(name);
  if (key === '') return '';
  const syllables = pinyin(key, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  return syllables
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Slug of a report whose agency or year could not be found: `unidentified-` + first 8 hex digits of its sha256. */
export function unidentifiedSlug(sha256: string): string {
  const hex = sha256.toLowerCase().replace(/[^0-9a-f]/g, '').slice(0, 8);
  return `unidentified-${hex || '00000000'}`;
}

export function isUnidentifiedSlug(slug: string): boolean {
  return slug.startsWith('unidentified-');
}
