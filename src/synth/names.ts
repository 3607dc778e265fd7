/** Agency names for the synthetic corpus: <city>[<district or county>]<body>, unique per corpus. */
import { pinyinSlug } from '../lib/slug.ts';
import { Rng } from './rng.ts';

const CITIES = [
  '聊城市', '石嘴山市', '洛阳市', '杭州市', '宿迁市', '泉州市', '赣州市', '宜昌市', '常德市', '绵阳市',
  '遵义市', '曲靖市', '天水市', '榆林市', '包头市', '大同市', '邯郸市', '保定市', '沧州市', '潍坊市',
  '临沂市', '济宁市', '徐州市', '盐城市', '南通市', '嘉兴市', '金华市', '台州市', '芜湖市', '安庆市',
  '阜阳市', '九江市', '上饶市', '漳州市', '莆田市', '南平市', '襄阳市', '荆州市', '岳阳市', '衡阳市',
  '株洲市', '柳州市', '桂林市', '玉林市', '湛江市', '茂名市', '肇庆市', '江门市', '南充市', '宜宾市',
  '德阳市', '乐山市', '六盘水市', '大理市', '咸阳市', '宝鸡市', '吉林市', '齐齐哈尔市', '牡丹江市', '鞍山市',
  '锦州市', '营口市', '唐山市', '秦皇岛市', '开封市', '南阳市', '信阳市', '周口市', '长治市', '晋中市',
];

const DISTRICTS = [
  '城关区', '新华区', '东城区', '西城区', '开发区', '高新区', '城东区', '城西区', '河东区', '河西区',
  '北湖区', '南湖区', '青山区', '白云区', '龙湖区', '金水区', '鼓楼区', '清河区', '新城区', '老城区',
  '双桥区', '红旗区', '铁西区', '铁东区', '平川区', '望城区', '丰泽区', '湖滨区', '江北区', '江南区',
  '永安县', '长乐县', '平安县', '和顺县', '安宁县', '宁远县', '东平县', '西丰县', '南溪县', '北川县',
  '清水县', '石门县', '桃源县', '临泽县', '高台县', '阳谷县', '莘县', '冠县', '沭阳县', '泗洪县',
  '宁乡县', '汝阳县', '宜川县', '富平县', '武功县', '蓝田县', '岳池县', '武胜县', '崇义县', '大余县',
];

/** [city-level name, district/county-level name]. */
const BODIES: ReadonlyArray<readonly [string, string]> = [
  ['卫生健康委员会', '卫生健康局'],
  ['教育局', '教育局'],
  ['民政局', '民政局'],
  ['人力资源和社会保障局', '人力资源和社会保障局'],
  ['自然资源和规划局', '自然资源局'],
  ['生态环境局', '生态环境分局'],
  ['住房和城乡建设局', '住房和城乡建设局'],
  ['交通运输局', '交通运输局'],
  ['农业农村局', '农业农村局'],
  ['水利局', '水利局'],
  ['商务局', '商务局'],
  ['文化广电和旅游局', '文化和旅游局'],
  ['应急管理局', '应急管理局'],
  ['市场监督管理局', '市场监督管理局'],
  ['医疗保障局', '医疗保障局'],
  ['统计局', '统计局'],
  ['财政局', '财政局'],
  ['司法局', '司法局'],
  ['审计局', '审计局'],
  ['退役军人事务局', '退役军人事务局'],
  ['城市管理局', '综合行政执法局'],
  ['发展和改革委员会', '发展和改革局'],
  ['科学技术局', '科学技术局'],
  ['工业和信息化局', '工业和信息化局'],
  ['林业局', '林业局'],
  ['体育局', '文化体育局'],
  ['行政审批服务局', '行政审批服务局'],
  ['人民政府办公室', '人民政府办公室'],
  ['人民政府', '人民政府'],
];

export interface AgencyName {
  name: string;
  /** City part, e.g. 聊城市. */
  city: string;
  /** District or county part, or '' for a city-level body. */
  district: string;
  /** The body itself, e.g. 卫生健康委员会. */
  body: string;
}

/** Splits a name built here (or any name shaped like one) into its parts. */
export function parseAgencyName(name: string): AgencyName {
  const city = CITIES.find((c) => name.startsWith(c)) ?? /^[\u4e00-\u9fff]{1,4}?[市州盟]/.exec(name)?.[0] ?? '';
  const rest = name.slice(city.length);
  const district = DISTRICTS.find((d) => rest.startsWith(d)) ?? /^[\u4e00-\u9fff]{1,4}?[区县]/.exec(rest)?.[0] ?? '';
  return { name, city, district, body: rest.slice(district.length) || name };
}

/**
 * `n` distinct agency names, deterministic from the seed; about a third city-level, the rest district or county.
 * Distinct also as site slugs: homophones (玉林市… and 榆林市… are both yu-lin-shi-…) would map two agencies to
 * one URL, so the second is skipped.
 */
export function agencyNames(n: number, seed: number): string[] {
  const rng = new Rng(seed);
  const seen = new Set<string>();
  const out: string[] = [];
  const capacity = CITIES.length * BODIES.length * (DISTRICTS.length + 1);
  if (n > capacity) throw new Error(`at most ${capacity} distinct agency names`);
  while (out.length < n) {
    const city = rng.pick(CITIES);
    const [cityBody, countyBody] = rng.pick(BODIES);
    const name = rng.chance(0.3) ? `${city}${cityBody}` : `${city}${rng.pick(DISTRICTS)}${countyBody}`;
    const slug = pinyinSlug(name);
    if (seen.has(slug)) continue;
    seen.add(slug);
    out.push(name);
  }
  return out;
}

/** How the report refers to its own agency (我委, 我局, 我县 …). */
export function selfName(agency: AgencyName): string {
  const b = agency.body;
  if (b === '人民政府') return agency.district ? `我${agency.district.slice(-1)}` : '我市';
  if (b.endsWith('办公室')) return '我办';
  if (b.endsWith('委员会')) return '我委';
  if (b.endsWith('局')) return '我局';
  return '本机关';
}

/** A short form for prose (区卫健局, 市教育局 …), falling back to the full name. */
export function shortName(agency: AgencyName): string {
  const level = agency.district ? agency.district.slice(-1) : '市';
  const abbreviations: Record<string, string> = {
    卫生健康委员会: '卫生健康委', 卫生健康局: '卫生健康局', 人力资源和社会保障局: '人力资源社会保障局', 住房和城乡建设局: '住房城乡建设局',
    发展和改革委员会: '发展改革委', 发展和改革局: '发展改革局', 文化广电和旅游局: '文化广电旅游局', 市场监督管理局: '市场监管局',
    人民政府办公室: '政府办公室', 人民政府: '政府',
  };
  return level + (abbreviations[agency.body] ?? agency.body);
}
