/**
 * What kind of agency publishes a report, for its statutory deadline (src/lib/deadline.ts): a region's own
 * 人民政府 (`government`, whose report covers the region and is due later) or a 县级以上人民政府部门 (`department`).
 * content/agencies.yaml may say so per agency (`kind:`); otherwise the name decides. Pure, no dependencies.
 */

export const AGENCY_KINDS = ['government', 'department'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** 人民政府, 管理委员会 / 管委会 anywhere in the name: the region's own government (or its 管委会). */
const GOVERNMENT_WORDS = /人民政府|管理委员会|管委会/;
/** A name that is a region (平潭综合实验区, 雄安新区): a report under it is the region's own. */
const REGION_ENDINGS = /(?:综合实验区|实验区|新区)$/;

/**
 * The kind a name suggests: `government` for 平潭综合实验区, 淮安市洪泽区人民政府, 平潭综合实验区管委会; `department`
 * for 平潭综合实验区行政审批局 and every other name (an agency's own report, the common case).
 */
export function kindFromName(name: string | null | undefined): AgencyKind {
  const n = (name ?? '').replace(/\s+/g, '');
  return GOVERNMENT_WORDS.test(n) || REGION_ENDINGS.test(n) ? 'government' : 'department';
}
