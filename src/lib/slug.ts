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

/** Longest slug: a URL segment and a cache file name (`<slug>--<year>.json`) stay far below file-name limits. */
export const SLUG_MAX = 60;

/** Eight hex digits of FNV-1a (32 bit) over the UTF-16 code units: a short, stable, pure tag for a name. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** `slug-<hash of key>`: the same slug made unique for one name, still at most SLUG_MAX characters. */
export function taggedSlug(slug: string, key: string): string {
  const tag = shortHash(key).slice(0, 6);
  const room = SLUG_MAX - tag.length - 1;
  let head = slug.length <= room ? slug : slug.slice(0, room);
  if (slug.length > room && head.includes('-')) head = head.slice(0, head.lastIndexOf('-'));
  head = head.replace(/-+$/, '');
  return head ? `${head}-${tag}` : tag;
}

/**
 * Default slug of an agency name: toneless pinyin (ü as v), ASCII runs kept, everything else dropped. A name whose
 * pinyin runs past SLUG_MAX is cut at a syllable and tagged with a hash of the whole name, so it stays unique.
 */
export function pinyinSlug(name: string): string {
  const key = nameKey(name);
  if (key === '') return '';
  const syllables = pinyin(key, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
  const slug = syllables
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug.length > SLUG_MAX ? taggedSlug(slug, key) : slug;
}

/** Slug of a report whose agency or year could not be found: `unidentified-` + first 8 hex digits of its sha256. */
export function unidentifiedSlug(sha256: string): string {
  const hex = sha256.toLowerCase().replace(/[^0-9a-f]/g, '').slice(0, 8);
  return `unidentified-${hex || '00000000'}`;
}

export function isUnidentifiedSlug(slug: string): boolean {
  return slug.startsWith('unidentified-');
}
