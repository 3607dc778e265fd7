/**
 * Numbers of the three statutory tables, drawn so that every identity of the spec holds:
 * 表三 rows (six applicant columns sum to total), 表三 columns (newReceived + carriedOver = total + carriedForward,
 * total = sum of the result rows), 表四 rows (upheld + corrected + other + pending = total), and across years
 * (carriedOver = last year's carriedForward; 2021 inForce = last year's inForce + issued − repealed).
 */
import { Rng } from './rng.ts';
import { APPLICANTS, SPEC, resultRows, type Grid, type SynthTables, type TemplateId } from './spec.ts';

/** What an agency is like, stable across its years (drawn from its name). */
export interface Profile {
  /** Typical number of new 依申请 requests a year. */
  requests: number;
  /** Upper bound of 行政许可 decisions a year. */
  licensing: number;
  /** Upper bound of 行政处罚 decisions a year. */
  penalty: number;
  /** Upper bound of 行政强制 decisions a year. */
  enforcement: number;
  /** Whether the agency collects 行政事业性收费, and roughly how much (万元). */
  fees: number;
  /** Typical 主动公开 count a year. */
  proactive: number;
  /** Whether the agency makes 规章 (a people's government of a city). */
  makesRules: boolean;
  /** Typical 行政规范性文件 issued a year. */
  normativeDocs: number;
}

export function profileOf(seed: number, isGovernment: boolean): Profile {
  const rng = new Rng(seed);
  const size = rng.weighted([45, 30, 17, 8]); // small, medium, large, very large
  const requests = [rng.int(0, 8), rng.int(5, 40), rng.int(30, 160), rng.int(150, 900)][size]!;
  const licensing = rng.chance(0.35) ? 0 : [rng.int(20, 400), rng.int(200, 3000), rng.int(2000, 20000), rng.int(10000, 60000)][size]!;
  const penalty = rng.chance(0.3) ? 0 : [rng.int(5, 80), rng.int(40, 600), rng.int(300, 3000), rng.int(1000, 8000)][size]!;
  return {
    requests: isGovernment ? requests * 2 + 5 : requests,
    licensing,
    penalty,
    enforcement: penalty > 0 && rng.chance(0.5) ? rng.int(1, Math.max(2, Math.floor(penalty / 10))) : 0,
    fees: rng.chance(0.55) ? 0 : rng.int(1, 30000),
    proactive: [rng.int(30, 300), rng.int(150, 1200), rng.int(800, 4000), rng.int(2000, 9000)][size]!,
    makesRules: isGovernment && rng.chance(0.5),
    normativeDocs: isGovernment ? rng.int(2, 30) : rng.int(0, 6),
  };
}

/** A money amount in 万元 with 0–4 decimals, printed the way reports print it (no trailing zeros). */
export function money(rng: Rng, max: number, min = 0): number {
  const decimals = rng.weighted([35, 15, 25, 10, 15]);
  const scale = 10 ** decimals;
  const whole = Math.max(Math.min(min, max), rng.count(Math.max(1, max), 0));
  const frac = decimals ? rng.int(0, scale - 1) : 0;
  const value = Number(`${whole}.${String(frac).padStart(decimals, '0')}`);
  return value > 0 ? value : Number(`0.${'0'.repeat(Math.max(0, decimals - 1))}5`);
}

function row(columns: readonly string[], values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  columns.forEach((c, i) => (out[c] = values[i] ?? 0));
  return out;
}

function proactive2021(rng: Rng, p: Profile, prev: SynthTables | undefined, prevTemplate: TemplateId | undefined): Grid {
  const carry = (id: string): number | undefined => (prevTemplate === '2021' ? prev?.proactive[id]?.['inForce'] : undefined);
  const docs = (id: string, issuedTypical: number, firstStock: number): Record<string, number> => {
    const issued = issuedTypical <= 0 ? (rng.chance(0.9) ? 0 : 1) : rng.count(issuedTypical * 2, 0.2);
    const before = carry(id) ?? (issuedTypical <= 0 && rng.chance(0.7) ? 0 : rng.int(0, firstStock));
    const repealed = before + issued === 0 || rng.chance(0.55) ? 0 : rng.int(0, Math.min(before + issued, Math.max(1, Math.ceil((before + issued) / 6))));
    return { issued, repealed, inForce: before + issued - repealed };
  };
  return {
    rules: docs('rules', p.makesRules ? 2 : 0, p.makesRules ? 40 : 0),
    normativeDocs: docs('normativeDocs', p.normativeDocs, p.normativeDocs * 8 + 3),
    licensing: { decisions: rng.count(p.licensing, 0.05) },
    penalty: { decisions: rng.count(p.penalty, 0.1) },
    enforcement: { decisions: rng.count(p.enforcement, 0.3) },
    fees: { amount: p.fees > 0 && rng.chance(0.85) ? money(rng, p.fees) : 0 },
  };
}

function proactive2019(rng: Rng, p: Profile, prev: SynthTables | undefined, prevTemplate: TemplateId | undefined): Grid {
  const last = prevTemplate === '2019' ? prev?.proactive : undefined;
  const docs = (id: string, typical: number): Record<string, number> => {
    const made = typical <= 0 ? (rng.chance(0.9) ? 0 : 1) : rng.count(typical * 2, 0.25);
    const published = made === 0 ? 0 : rng.chance(0.8) ? made : rng.int(0, made);
    const stock = last?.[id]?.['totalPublic'] ?? (typical <= 0 && rng.chance(0.7) ? 0 : rng.int(0, typical * 10 + 5));
    return { made, published, totalPublic: stock + published };
  };
  const items = (id: string, typicalItems: number, decisionsMax: number): Record<string, number> => {
    const before = last?.[id] ? last[id]['prevCount']! + last[id]['change']! : rng.count(typicalItems, 0.2);
    let change = typicalItems <= 0 || rng.chance(0.6) ? 0 : rng.int(-3, 6);
    if (before + change < 0) change = -before;
    return { prevCount: before, change, decisions: before + change > 0 || decisionsMax > 0 ? rng.count(decisionsMax, 0.1) : 0 };
  };
  const fees = (): Record<string, number> => {
    const before = last?.['fees'] ? last['fees']['prevCount']! + last['fees']['change']! : p.fees > 0 ? rng.int(1, 30) : 0;
    let change = rng.chance(0.75) ? 0 : rng.int(-2, 2);
    if (before + change < 0) change = -before;
    return { prevCount: before, change };
  };
  const projects = rng.chance(0.45) ? 0 : rng.count(150, 0);
  return {
    rules: docs('rules', p.makesRules ? 2 : 0),
    normativeDocs: docs('normativeDocs', p.normativeDocs),
    licensing: items('licensing', p.licensing > 0 ? 120 : 0, p.licensing),
    otherServices: items('otherServices', 40, Math.max(10, Math.floor(p.licensing / 5))),
    penalty: items('penalty', p.penalty > 0 ? 500 : 0, p.penalty),
    enforcement: items('enforcement', p.enforcement > 0 ? 30 : 0, p.enforcement),
    fees: fees(),
    procurement: { projects, amount: projects > 0 ? money(rng, projects * rng.int(20, 400), projects) : 0 },
  };
}

function requests(rng: Rng, p: Profile, template: TemplateId, prev: SynthTables | undefined): Grid {
  const total = rng.chance(p.requests < 3 ? 0.35 : 0.04) ? 0 : Math.max(0, Math.round(p.requests * (0.4 + rng.next() * 1.3)));
  const applicantWeights = [rng.int(75, 98), rng.chance(0.5) ? rng.int(1, 15) : 0, rng.chance(0.12) ? rng.int(1, 3) : 0, rng.chance(0.15) ? rng.int(1, 3) : 0, rng.chance(0.4) ? rng.int(1, 8) : 0, rng.chance(0.3) ? rng.int(1, 5) : 0];
  const newReceived = rng.split(total, applicantWeights);
  const carriedOver = APPLICANTS.map((c, i) => prev?.requests['carriedForward']?.[c] ?? (rng.chance(0.2) ? rng.count(Math.max(1, Math.ceil((newReceived[i] ?? 0) / 8)), 0.3) : 0));
  const carriedForward = APPLICANTS.map((_, i) => {
    const available = newReceived[i]! + carriedOver[i]!;
    return available > 0 && rng.chance(0.3) ? rng.int(0, Math.max(1, Math.ceil(available / 7))) : 0;
  }).map((v, i) => Math.min(v, newReceived[i]! + carriedOver[i]!));

  const results = resultRows(template);
  const base: Record<string, number> = {
    granted: 30, partiallyGranted: 6,
    'denied.stateSecret': 0.3, 'denied.prohibitedByLaw': 0.8, 'denied.threeSecurityOneStability': 0.6, 'denied.thirdPartyRights': 1.5,
    'denied.internalAffairs': 1.5, 'denied.processInfo': 2, 'denied.enforcementFiles': 1, 'denied.administrativeQuery': 2,
    'unavailable.notHeld': 22, 'unavailable.needsCreation': 3, 'unavailable.stillUnclear': 2.5,
    'notProcessed.petition': 4, 'notProcessed.duplicate': 3, 'notProcessed.publication': 0.6, 'notProcessed.excessive': 0.8, 'notProcessed.confirmation': 1.2,
    otherHandling: 9, 'otherHandling.noCorrection': 5, 'otherHandling.feeUnpaid': 0.4, 'otherHandling.other': 5,
  };
  // Each report leans its own way: some outcomes never happen, others are more common than usual.
  const weights = results.map((r) => (rng.chance(0.25) ? 0 : (base[r] ?? 1) * (0.3 + rng.next() * 1.7)));
  const perColumn = APPLICANTS.map((_, i) => rng.split(newReceived[i]! + carriedOver[i]! - carriedForward[i]!, weights));

  const grid: Grid = {};
  const put = (id: string, values: readonly number[]): void => {
    grid[id] = row([...APPLICANTS, 'total'], [...values, values.reduce((a, b) => a + b, 0)]);
  };
  put('newReceived', newReceived);
  put('carriedOver', carriedOver);
  results.forEach((r, k) => put(r, perColumn.map((col) => col[k]!)));
  put('total', APPLICANTS.map((_, i) => perColumn[i]!.reduce((a, b) => a + b, 0)));
  put('carriedForward', carriedForward);
  // statutory row order
  const ordered: Grid = {};
  for (const r of SPEC[template].requests.rows) ordered[r.id] = grid[r.id]!;
  return ordered;
}

function review(rng: Rng, p: Profile): Grid {
  const scale = Math.max(1, Math.ceil(p.requests / 12));
  const one = (zero: number, max: number): Record<string, number> => {
    const n = rng.count(max, zero);
    const [upheld, corrected, other, pending] = rng.split(n, [rng.int(3, 10), rng.int(0, 3), rng.int(0, 3), rng.int(0, 3)]);
    return { upheld: upheld!, corrected: corrected!, other: other!, pending: pending!, total: n };
  };
  return {
    adminReview: one(0.55, scale * 2),
    litigationDirect: one(0.75, scale),
    litigationAfterReview: one(0.85, scale),
  };
}

/**
 * All cells of a report's three tables. `prev` is the same agency's previous year (for the carried counts);
 * `prevTemplate` its template.
 */
export function drawTables(rng: Rng, p: Profile, template: TemplateId, prev?: SynthTables, prevTemplate?: TemplateId): SynthTables {
  return {
    proactive: template === '2021' ? proactive2021(rng, p, prev, prevTemplate) : proactive2019(rng, p, prev, prevTemplate),
    requests: requests(rng, p, template, prev),
    review: review(rng, p),
  };
}
