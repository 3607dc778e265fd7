import { describe, expect, test } from 'vitest';
import { keyFigures, outcomeMix, outcomeOf, share, sumPresent, totalFigures } from '../../src/lib/rates.ts';
import { makeRecord, requestRow } from './helpers.ts';

describe('sumPresent', () => {
  test('adds the numbers that were read', () => {
    expect(sumPresent([1, null, 2])).toBe(3);
  });
  test('is null when nothing was read, so a missing figure is never shown as 0', () => {
    expect(sumPresent([null, null, undefined])).toBeNull();
    expect(sumPresent([])).toBeNull();
  });
  test('keeps a real zero', () => {
    expect(sumPresent([0, null])).toBe(0);
  });
});

describe('outcomes', () => {
  test('maps a 表三 row to its outcome group', () => {
    expect(outcomeOf('denied.stateSecret')).toBe('denied');
    expect(outcomeOf('otherHandling.feeUnpaid')).toBe('otherHandling');
    expect(outcomeOf('otherHandling')).toBe('otherHandling');
    expect(outcomeOf('newReceived')).toBeNull();
  });

  test('sums denied reasons into one outcome', () => {
    const r = makeRecord({
      tables: {
        proactive: {},
        requests: { 'denied.stateSecret': requestRow(0, 2), 'denied.processInfo': requestRow(0, 3), 'denied.thirdPartyRights': requestRow(null) },
        review: {},
      },
    });
    expect(outcomeMix(r.tables, '2021').denied).toBe(5);
  });

  test('sums the three 2021 other-handling rows, and the single 2019 row', () => {
    const t2021 = makeRecord({
      tables: {
        proactive: {},
        requests: { 'otherHandling.noCorrection': requestRow(0, 1), 'otherHandling.feeUnpaid': requestRow(0, 0), 'otherHandling.other': requestRow(0, 4) },
        review: {},
      },
    }).tables;
    const t2019 = makeRecord({ template: '2019', tables: { proactive: {}, requests: { otherHandling: requestRow(0, 6) }, review: {} } }).tables;
    expect(outcomeMix(t2021, '2021').otherHandling).toBe(5);
    expect(outcomeMix(t2019, '2019').otherHandling).toBe(6);
  });

  test('leaves every outcome null for a record whose tables were not read', () => {
    expect(Object.values(outcomeMix(makeRecord().tables, '2021'))).toEqual([null, null, null, null, null, null]);
  });
});

describe('keyFigures', () => {
  const record = makeRecord({
    tables: {
      proactive: { licensing: { decisions: 1130 }, penalty: { decisions: 12 } },
      requests: {
        newReceived: requestRow(1, 6),
        carriedOver: requestRow(0, 0),
        granted: requestRow(0, 3),
        partiallyGranted: requestRow(0, 1),
        'denied.stateSecret': requestRow(0, 1),
        'unavailable.notHeld': requestRow(0, 1),
        total: requestRow(1, 6),
        carriedForward: requestRow(0, 0),
      },
      review: { adminReview: { corrected: 1, total: 2 }, litigationDirect: { corrected: 0, total: 1 }, litigationAfterReview: { corrected: null, total: null } },
    },
    facts: { proactiveCount: { value: 2073, unit: '条', evidence: '主动公开信息2073条', line: 9 } },
  });
  const k = keyFigures(record);

  test('reads the headline numbers from the tables and the prose', () => {
    expect(k.proactiveCount).toBe(2073);
    expect(k.licensingDecisions).toBe(1130);
    expect(k.penaltyDecisions).toBe(12);
    expect(k.newReceived).toBe(6);
    expect(k.totalResults).toBe(6);
    expect(k.reviewsAndSuits).toBe(3);
    expect(k.corrected).toBe(1);
  });

  test('computes the granted share as (granted + partially granted) / total results', () => {
    expect(k.grantedShare).toBeCloseTo(4 / 6);
    expect(k.deniedShare).toBeCloseTo(1 / 6);
  });

  test('has no share when the total is zero or missing', () => {
    expect(share(3, 0)).toBeNull();
    expect(share(null, 5)).toBeNull();
    expect(keyFigures(makeRecord()).grantedShare).toBeNull();
  });
});

describe('totalFigures', () => {
  test('adds counts and pools shares over the reports where both parts were read', () => {
    const a = keyFigures(makeRecord({ tables: { proactive: {}, requests: { granted: requestRow(0, 1), total: requestRow(0, 2) }, review: {} } }));
    const b = keyFigures(makeRecord({ tables: { proactive: {}, requests: { granted: requestRow(0, 3), total: requestRow(0, 6) }, review: {} } }));
    const c = keyFigures(makeRecord({ tables: { proactive: {}, requests: { granted: requestRow(0, 5) }, review: {} } }));
    const t = totalFigures([a, b, c]);
    expect(t.totalResults).toBe(8);
    expect(t.outcomes.granted).toBe(9);
    expect(t.grantedShare).toBeCloseTo(4 / 8);
  });

  test('keeps totals null when no report had the figure', () => {
    expect(totalFigures([keyFigures(makeRecord())]).newReceived).toBeNull();
  });
});
