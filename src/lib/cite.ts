/**
 * "引用本页": a report page cited in GB/T 7714—2015 (electronic resource, [EB/OL]) and as BibTeX, with the page's
 * permanent URL and, when the report names it, the original publication's URL. Pure: the page passes the date.
 */

export interface CiteInput {
  /** The issuing agency (the report's author). */
  readonly agency: string;
  /** The report's title as the page shows it. */
  readonly title: string;
  readonly year: number | null;
  /** Publication date `YYYY-MM-DD`, when the report states it. */
  readonly published: string | null;
  /** The portal's name (the publisher of this page). */
  readonly siteName: string;
  /** The page's permanent URL (absolute when the site URL is configured). */
  readonly url: string;
  /** The original publication's URL, when known. */
  readonly original?: string | undefined;
  /** The date of citation, `YYYY-MM-DD`. */
  readonly accessed: string;
  /** The report id (`pingtan/2021`): the BibTeX key is made from it. */
  readonly id: string;
}

/**
 * GB/T 7714—2015, 4.8 电子资源: 主要责任者. 题名[EB/OL]. 出版者, 发布日期[引用日期]. 获取和访问路径.
 * `平潭综合实验区管理委员会. 平潭综合实验区 2021 年度政府信息公开工作年度报告[EB/OL]. 公开年报, 2022-02-08[2026-12-04]. https://…`
 */
export function gbt7714(c: CiteInput): string {
  const date = c.published ?? (c.year ? String(c.year + 1) : '');
  const origin = c.original ? ` 原文：${c.original}.` : '';
  return `${c.agency}. ${c.title}[EB/OL]. ${c.siteName}${date ? `, ${date}` : ''}[${c.accessed}]. ${c.url}.${origin}`;
}

/** A BibTeX field value: braces and backslashes escaped, the special characters of TeX made literal. */
export function bibtexValue(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}])/g, '\\$1')
    .replace(/([%&$#_])/g, '\\$1')
    .replace(/\^/g, '\\^{}')
    .replace(/~/g, '\\~{}')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A BibTeX key from the report id: ASCII letters, digits and hyphens (`nianbao-pingtan-2021`). */
export function bibtexKey(id: string): string {
  return `nianbao-${id.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;
}

/** A @misc entry (biblatex-friendly: url, urldate, date). URLs are given as they are (only spaces would break them). */
export function bibtex(c: CiteInput): string {
  const fields: Array<[string, string]> = [
    ['author', `{${bibtexValue(c.agency)}}`],
    ['title', `{${bibtexValue(c.title)}}`],
    ['howpublished', bibtexValue(c.siteName)],
  ];
  const year = c.published?.slice(0, 4) ?? (c.year ? String(c.year + 1) : null);
  if (year) fields.push(['year', year]);
  if (c.published) fields.push(['date', c.published]);
  fields.push(['url', c.url.replace(/\s/g, '%20')], ['urldate', c.accessed]);
  if (c.original) fields.push(['note', `原文：\\url{${c.original.replace(/\s/g, '%20')}}`]);
  fields.push(['language', 'chinese']);
  return `@misc{${bibtexKey(c.id)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}
