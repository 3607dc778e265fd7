/**
 * The narrative of a synthetic report, assembled from phrase banks: title, preamble with the 统计期限 sentence, the
 * six statutory parts, signature. Numbers stated in the prose agree with the tables (主动公开 count, 收到申请 count,
 * 现行有效规范性文件, 办结/结转, 行政复议/诉讼 totals).
 */
import { parseAgencyName, selfName, shortName, type AgencyName } from './names.ts';
import type { Rng } from './rng.ts';
import { APPLICANTS, SPEC, type SynthTables, type TemplateId } from './spec.ts';

export type Block = { kind: 'sub'; text: string } | { kind: 'p'; text: string };
export type PartKey = 'overview' | 'proactive' | 'requests' | 'review' | 'problems' | 'other';

export interface Narrative {
  title: string;
  /** A publication date line under the title, e.g. （2021年1月28日）, or null. */
  dateLine: string | null;
  preamble: string[];
  headings: Record<PartKey, string>;
  overview: Block[];
  problems: Block[];
  other: Block[];
  signature: { agency: string; date: string };
}

export interface ProseInput {
  agency: string;
  year: number;
  template: TemplateId;
  tables: SynthTables;
  proactiveCount: number;
  /** Publication date, YYYY-MM-DD. */
  published: string;
}

interface Ctx {
  rng: Rng;
  a: AgencyName;
  agency: string;
  self: string;
  short: string;
  /** 市 / 区 / 县 */
  level: string;
  domain: string;
  year: number;
  template: TemplateId;
  t: SynthTables;
  n: number;
  /** The government portal the agency publishes on (聊城市人民政府门户网站). */
  portal: string;
}

type Phrase = (c: Ctx) => string;

const DOMAINS: ReadonlyArray<[RegExp, string]> = [
  [/卫生健康/, '卫生健康'], [/教育/, '教育'], [/民政/, '民政'], [/人力资源/, '人力资源和社会保障'], [/自然资源/, '自然资源'],
  [/生态环境/, '生态环境保护'], [/住房/, '住房和城乡建设'], [/交通/, '交通运输'], [/农业/, '农业农村'], [/水利/, '水利'],
  [/商务/, '商务'], [/文化|旅游/, '文化旅游'], [/应急/, '应急管理'], [/市场监/, '市场监管'], [/医疗保障/, '医疗保障'],
  [/统计/, '统计'], [/财政/, '财政'], [/司法/, '司法行政'], [/审计/, '审计'], [/退役军人/, '退役军人服务'],
  [/城市管理|执法/, '城市管理'], [/发展和改革/, '发展改革'], [/科学技术/, '科技创新'], [/工业/, '工业和信息化'], [/林业/, '林业'],
  [/体育/, '体育'], [/审批/, '行政审批'],
];

const sum = (row: Record<string, number> | undefined, cols: readonly string[] = ['total']): number => cols.reduce((s, c) => s + (row?.[c] ?? 0), 0);

/** Picks `k` distinct phrases and renders them. */
function some(c: Ctx, bank: readonly Phrase[], min: number, max: number): string[] {
  return c.rng.sample(bank, c.rng.int(min, max)).map((p) => p(c));
}

const ord = ['一', '二', '三', '四', '五', '六', '七', '八'];

// ───────────────────────────── preamble ─────────────────────────────

const PREAMBLE: readonly Phrase[] = [
  (c) =>
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（${SPEC[c.template].basis.split(';')[0]}）要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。本报告所列数据的统计期限自${c.year}年1月1日起至${c.year}年12月31日止。本报告电子版可在${c.portal}“政府信息公开”专栏查阅或下载。如对本报告有疑问，请与${c.agency}办公室联系。`,
  (c) =>
    `根据《中华人民共和国政府信息公开条例》规定，特向社会公布${c.agency}${c.year}年政府信息公开工作年度报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等部分组成。本报告中所列数据的统计期限为${c.year}年1月1日至${c.year}年12月31日。`,
  (c) =>
    `依据《中华人民共和国政府信息公开条例》和上级有关工作要求，${c.agency}编制了${c.year}年政府信息公开工作年度报告。本报告所列数据的统计期限自${c.year}年1月1日起，至${c.year}年12月31日止。报告电子版可在${c.portal}下载，如对报告内容有疑问，请与${c.short}办公室联系（邮编：${c.rng.int(100, 860)}${c.rng.int(100, 999)}，联系电话：0${c.rng.int(310, 939)}-${c.rng.int(2000000, 8999999)}）。`,
  (c) =>
    `为全面贯彻落实《中华人民共和国政府信息公开条例》，进一步推进政务公开工作，现公布${c.agency}${c.year}年政府信息公开工作年度报告。本报告统计期限自${c.year}年1月1日起至${c.year}年12月31日止，所列数据均来源于本机关政府信息公开工作台账。`,
];

// ───────────────────────────── 一、总体情况 ─────────────────────────────

const OVERVIEW_LEAD: readonly Phrase[] = [
  (c) =>
    `${c.year}年，${c.self}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，严格执行《中华人民共和国政府信息公开条例》，围绕中心工作和群众关切，持续深化决策、执行、管理、服务、结果“五公开”，不断提升政务公开标准化规范化水平，切实保障人民群众的知情权、参与权、表达权和监督权。`,
  (c) =>
    `${c.year}年，${c.short}在${c.level}委、${c.level}政府的正确领导和${c.level}政务公开办公室的精心指导下，坚持“以公开为常态、不公开为例外”原则，紧紧围绕${c.domain}中心工作，扎实做好政府信息公开各项工作，推动政务公开工作取得新成效。`,
  (c) =>
    `${c.year}年，${c.self}高度重视政府信息公开工作，把政务公开作为建设法治政府、服务型政府的重要抓手，对照年度政务公开工作要点，细化任务分工，压实工作责任，政府信息公开工作有序推进。`,
  (c) =>
    `一年来，${c.self}认真贯彻落实上级关于政务公开工作的部署要求，聚焦${c.domain}领域群众关心关注的热点问题，不断拓展公开内容、创新公开方式、规范公开程序，政务公开的质量和实效进一步提升。`,
  (c) =>
    `${c.year}年，在${c.level}政务公开领导小组的统一部署下，${c.short}以提升政务公开质效为目标，健全工作机制，完善制度规范，加强平台建设，推动政府信息公开工作规范化、常态化开展。`,
];

const SUB_TITLES: Record<'proactive' | 'requests' | 'management' | 'platform' | 'oversight', readonly string[]> = {
  proactive: ['主动公开', '主动公开情况', '主动公开方面', '全面推进主动公开'],
  requests: ['依申请公开', '依申请公开情况', '依申请公开方面', '规范办理依申请公开'],
  management: ['政府信息管理', '政府信息管理情况', '政府信息管理方面', '加强政府信息管理'],
  platform: ['政府信息公开平台建设', '平台建设方面', '政府信息公开平台建设情况', '强化公开平台建设'],
  oversight: ['监督保障', '监督保障方面', '监督保障情况', '强化监督保障'],
};

const PROACTIVE_LEAD: readonly Phrase[] = [
  (c) => `${c.year}年，${c.self}坚持“以公开为常态、不公开为例外”，全年主动公开政府信息${c.n}条，内容涵盖机构职能、政策文件、规划计划、财政预决算、行政执法等方面。`,
  (c) => `${c.self}严格落实政府信息公开基本目录要求，全年主动公开政府信息${c.n}条，其中通过门户网站发布${Math.ceil(c.n * 0.6)}余条，其余通过政务新媒体、公开栏等渠道同步发布。`,
  (c) => `${c.year}年，${c.self}通过${c.portal}、政务新媒体等平台，全年主动公开政府信息${c.n}条，确保群众及时、便捷获取政府信息。`,
  (c) => `按照“应公开尽公开”的要求，${c.self}全年主动公开政府信息${c.n}条，政策文件、重点领域信息和办事服务信息公开率达到100%。`,
];

const PROACTIVE_MORE: readonly Phrase[] = [
  (c) =>
    c.template === '2021'
      ? `本年制发行政规范性文件${c.t.proactive['normativeDocs']!['issued']}件，废止${c.t.proactive['normativeDocs']!['repealed']}件，现行有效行政规范性文件${c.t.proactive['normativeDocs']!['inForce']}件，均已在规范性文件专栏集中公开。`
      : `本年新制作规范性文件${c.t.proactive['normativeDocs']!['made']}件，新公开${c.t.proactive['normativeDocs']!['published']}件，对外公开规范性文件总数达${c.t.proactive['normativeDocs']!['totalPublic']}件。`,
  (c) => `围绕重点领域，及时公开财政预决算、“三公”经费、重大建设项目、政府采购等信息，并发布政策解读材料${c.rng.int(2, 40)}篇。`,
  () => `全面梳理政府信息公开目录，对目录内容进行动态调整，确保公开事项清晰准确、更新及时。`,
  (c) => `在行政执法信息公开方面，严格落实行政执法公示制度，做到执法主体、执法依据、执法程序和执法结果“四公开”，全年公示行政执法信息${c.rng.int(5, 600)}条。`,
  () => `坚持政策文件与解读材料同步起草、同步审签、同步发布，综合运用图文、视频、问答等形式，让政策更加通俗易懂。`,
  (c) => `加强建议提案办理结果公开，对涉及公共利益、群众关注的复文全文公开，全年公开建议提案复文${c.rng.int(2, 60)}件。`,
];

const REQUEST_LEAD: readonly Phrase[] = [
  (c) => {
    const r = c.t.requests;
    return `${c.year}年，${c.self}共收到政府信息公开申请${sum(r['newReceived'])}件，上年结转${sum(r['carriedOver'])}件；已办结${sum(r['total'])}件，结转下年度继续办理${sum(r['carriedForward'])}件。`;
  },
  (c) => {
    const r = c.t.requests;
    const natural = r['newReceived']!['naturalPerson']!;
    const orgs = sum(r['newReceived'], APPLICANTS.slice(1));
    const fwd = sum(r['carriedForward']);
    return `全年${c.self}共收到政府信息公开申请${sum(r['newReceived'])}件，其中自然人申请${natural}件，法人或其他组织申请${orgs}件。所有申请均在法定期限内予以答复，${fwd ? `结转下年度继续办理${fwd}件` : '无结转下年度办理的申请'}。`;
  },
  (c) => {
    const r = c.t.requests;
    return `${c.year}年度共收到政府信息公开申请${sum(r['newReceived'])}件。${c.self}严格按照《条例》规定的时限和程序办理，予以公开${sum(r['granted'])}件，部分公开${sum(r['partiallyGranted'])}件，无法提供${sum(r['unavailable.notHeld']) + sum(r['unavailable.needsCreation']) + sum(r['unavailable.stillUnclear'])}件。`;
  },
];

const REQUEST_MORE: readonly Phrase[] = [
  () => `严格按照受理、登记、审核、答复等程序办理，做到依法依规、规范高效。`,
  () => `进一步规范依申请公开答复文书格式，对答复依据、救济途径等要素逐一把关，提升答复的规范性和严谨性。`,
  () => `坚持办前沟通，主动联系申请人了解其真实诉求，在依法答复的同时帮助解决实际问题，提升群众满意度。`,
  (c) => {
    const v = c.t.review;
    const ar = v['adminReview']!['total']!;
    const lit = v['litigationDirect']!['total']! + v['litigationAfterReview']!['total']!;
    return ar + lit === 0 ? `全年未发生因政府信息公开引起的行政复议和行政诉讼。` : `全年涉及政府信息公开的行政复议${ar}件、行政诉讼${lit}件，${c.self}认真做好答复和应诉工作。`;
  },
  () => `建立依申请公开办理台账，对每件申请的登记、办理、答复、归档实行全流程管理。`,
];

const MANAGEMENT: readonly Phrase[] = [
  () => `严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件。`,
  () => `规范公文公开属性源头认定，在公文拟制环节明确公开属性，对不予公开的说明理由。`,
  (c) => `定期开展政策文件清理，全年清理过时失效信息${c.rng.int(10, 400)}条，确保公开信息准确有效。`,
  () => `建立健全政府信息发布审核机制，实行“三审三校”制度，严把政治关、法律关、政策关、保密关、文字关。`,
  () => `持续完善政府信息公开指南和公开目录，及时更新机构职能、领导信息、办公地址等基础信息。`,
  () => `落实“谁起草、谁解读”要求，做到政策文件与解读材料同步起草、同步审签、同步发布。`,
  () => `加强政府信息档案管理，对已公开的政府信息及时归档，做到有据可查。`,
];

const PLATFORM: readonly Phrase[] = [
  (c) => `充分发挥${c.portal}政府信息公开第一平台作用，及时更新本部门信息公开专栏，全年专栏访问量${c.rng.int(2, 90)}万余次。`,
  (c) => `用好政务新媒体，“${c.a.city.replace(/市$/, '')}${c.domain}”微信公众号全年推送信息${c.rng.int(50, 1500)}条，关注人数达${c.rng.int(2000, 90000)}人。`,
  () => `在办公场所设置政务公开查阅点，配备查阅设备和纸质资料，方便群众就近查阅政府信息。`,
  () => `加强网站日常监测，对错别字、错链断链等问题及时整改，确保平台安全平稳运行。`,
  () => `依托12345政务服务便民热线，及时回应群众诉求，做到件件有回音、事事有着落。`,
  () => `优化门户网站栏目设置，将政策文件、办事服务、互动交流等栏目分类整合，提升网站的易用性。`,
];

const OVERSIGHT: readonly Phrase[] = [
  () => `成立由主要负责同志任组长的政务公开工作领导小组，明确分管领导和专职工作人员，形成一级抓一级、层层抓落实的工作格局。`,
  () => `将政务公开工作纳入年度绩效考核，定期开展自查自纠，对发现的问题立行立改。`,
  (c) => `组织开展政务公开业务培训${c.rng.int(1, 8)}次，覆盖干部职工${c.rng.int(20, 600)}人次，进一步提升工作人员业务能力。`,
  () => `主动接受社会评议和监督，公开监督投诉电话，全年未发生因政府信息公开工作引发的责任追究事件。`,
  () => `认真对照上级政务公开工作要点，逐项细化任务分工，明确完成时限，确保各项工作落到实处。`,
];

// ───────────────────────────── 五、六 ─────────────────────────────

const PROBLEMS = [
  '主动公开的深度和广度有待进一步拓展',
  '政策解读形式较为单一，图文、视频等多样化解读运用不够',
  '工作人员业务能力有待提高，对《条例》的学习理解还不够深入',
  '信息发布的及时性有待加强，个别栏目更新不够及时',
  '依申请公开答复的规范性仍需提升',
  '基层政务公开标准化规范化建设推进不够平衡',
  '回应社会关切的主动性和时效性还有差距',
];

const IMPROVEMENTS = [
  '强化主动公开，围绕重点领域和群众关切，进一步扩大公开范围，提升公开质量',
  '丰富解读形式，综合运用图表图解、音频视频、新闻发布等方式，增强政策解读的针对性和可读性',
  '加强业务培训，组织工作人员深入学习《条例》，提升依法公开的意识和能力',
  '规范依申请公开办理，严格落实办理流程和答复规范，提高答复质量',
  '完善监督考核，健全政务公开考核评估机制，推动各项工作任务落实落细',
  '加强平台建设，做好网站和政务新媒体日常运维，确保信息发布及时准确',
];

function listed(items: readonly string[]): string {
  return items.map((s, i) => `${ord[i]}是${s}`).join('；');
}

function problems(c: Ctx): Block[] {
  const found = c.rng.sample(PROBLEMS, c.rng.int(2, 3));
  const plans = c.rng.sample(IMPROVEMENTS, c.rng.int(2, 4));
  const opener = c.rng.pick([
    `${c.year}年，${c.self}政府信息公开工作取得了一定成效，但也存在一些不足：`,
    `对照上级要求和群众期盼，${c.self}政府信息公开工作仍存在一些问题，主要是：`,
    `${c.year}年，${c.self}政务公开工作虽然取得了积极进展，但仍存在薄弱环节：`,
  ]);
  const next = c.rng.pick([`${c.year + 1}年，${c.self}将重点做好以下工作：`, `针对以上问题，${c.self}将采取以下措施加以改进：`, `下一步，${c.self}将从以下方面持续改进：`]);
  return [
    { kind: 'p', text: `${opener}${listed(found)}。` },
    { kind: 'p', text: `${next}${listed(plans)}。` },
  ];
}

function other(c: Ctx): Block[] {
  if (c.rng.chance(0.15)) return [{ kind: 'p', text: '无。' }];
  const out: Block[] = [];
  const fee = c.rng.chance(0.85)
    ? `${c.year}年，${c.self}在办理政府信息公开申请中未收取信息处理费。`
    : `依据《政府信息公开信息处理费管理办法》，${c.year}年${c.self}共收取信息处理费${c.rng.int(1, 12) * 100}元。`;
  const items: string[] = [
    `（一）信息处理费收取情况。${fee}`,
    `（二）人大代表建议和政协提案办理情况。全年共承办人大代表建议${c.rng.int(0, 40)}件、政协提案${c.rng.int(0, 50)}件，均按时办结，办理复文已按要求公开。`,
    `（三）政务公开工作要点落实情况。${c.self}对照${c.year}年政务公开工作要点，逐项抓好落实，${c.rng.pick(['按时完成各项任务', '各项任务均已完成', '重点任务落实情况良好'])}。`,
  ];
  const k = c.rng.int(1, 3);
  for (let i = 0; i < k; i++) out.push({ kind: 'p', text: k === 1 ? items[0]!.replace(/^（一）信息处理费收取情况。/, '') : items[i]! });
  return out;
}

function headings(c: Ctx): Record<PartKey, string> {
  return {
    overview: '一、总体情况',
    proactive: '二、主动公开政府信息情况',
    requests: '三、收到和处理政府信息公开申请情况',
    review: c.rng.chance(0.8) ? '四、政府信息公开行政复议、行政诉讼情况' : '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    problems: c.rng.chance(0.75) ? '五、存在的主要问题及改进情况' : '五、政府信息公开工作存在的主要问题及改进情况',
    other: '六、其他需要报告的事项',
  };
}

/** Date printed as 2021年1月28日 from 2021-01-28. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function narrative(rng: Rng, input: ProseInput): Narrative {
  const a = parseAgencyName(input.agency);
  const c: Ctx = {
    rng,
    a,
    agency: input.agency,
    self: selfName(a),
    short: shortName(a),
    level: a.district ? a.district.slice(-1) : '市',
    domain: DOMAINS.find(([re]) => re.test(a.body))?.[1] ?? '政务服务',
    year: input.year,
    template: input.template,
    t: input.tables,
    n: input.proactiveCount,
    portal: `${a.city || a.district || ''}人民政府门户网站`,
  };
  const sub = (k: keyof typeof SUB_TITLES, i: number): Block => ({ kind: 'sub', text: `（${ord[i]}）${rng.pick(SUB_TITLES[k])}` });
  const para = (sentences: readonly string[]): Block => ({ kind: 'p', text: sentences.join('') });

  const overview: Block[] = [para([rng.pick(OVERVIEW_LEAD)(c)])];
  overview.push(sub('proactive', 0), para([rng.pick(PROACTIVE_LEAD)(c), ...some(c, PROACTIVE_MORE, 2, 3)]));
  overview.push(sub('requests', 1), para([rng.pick(REQUEST_LEAD)(c), ...some(c, REQUEST_MORE, 1, 3)]));
  overview.push(sub('management', 2), para(some(c, MANAGEMENT, 2, 4)));
  overview.push(sub('platform', 3), para(some(c, PLATFORM, 2, 3)));
  overview.push(sub('oversight', 4), para(some(c, OVERSIGHT, 2, 3)));

  return {
    title: `${input.agency}${input.year}年政府信息公开工作年度报告`,
    dateLine: rng.chance(0.3) ? `（${chineseDate(input.published)}）` : null,
    preamble: [rng.pick(PREAMBLE)(c)],
    headings: headings(c),
    overview,
    problems: problems(c),
    other: other(c),
    signature: { agency: input.agency, date: chineseDate(input.published) },
  };
}
