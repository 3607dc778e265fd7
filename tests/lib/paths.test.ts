import { describe, expect, test } from 'vitest';
import { absoluteUrl, agencyDataPath, agencyPath, lineAnchor, recordDataPath, reportPath, withBase, yearDataPath, yearPath } from '../../src/lib/paths.ts';

describe('URLs', () => {
  test('are stable ASCII paths with a trailing slash for pages', () => {
    expect(reportPath('liaocheng-weijian', 2020)).toBe('/agencies/liaocheng-weijian/2020/');
    expect(reportPath('unidentified-d7e31f0d', null)).toBe('/agencies/unidentified-d7e31f0d/0/');
    expect(agencyPath('liaocheng-weijian')).toBe('/agencies/liaocheng-weijian/');
    expect(yearPath(2020)).toBe('/years/2020/');
  });

  test('name data files by their format and their gzip compression', () => {
    expect(recordDataPath('liaocheng-weijian', 2020, 'json')).toBe('/data/liaocheng-weijian/2020.json.gz');
    expect(recordDataPath('liaocheng-weijian', 2020, 'csv')).toBe('/data/liaocheng-weijian/2020.csv.gz');
    expect(recordDataPath('liaocheng-weijian', null, 'csv')).toBe('/data/liaocheng-weijian/0.csv.gz');
    expect(agencyDataPath('liaocheng-weijian')).toBe('/data/by-agency/liaocheng-weijian.csv.gz');
    expect(yearDataPath(2020)).toBe('/data/by-year/2020.csv.gz');
  });

  test('join the base path without doubled or missing slashes', () => {
    expect(withBase('/', '/agencies/')).toBe('/agencies/');
    expect(withBase('/nianbao', '/agencies/')).toBe('/nianbao/agencies/');
    expect(withBase('/nianbao/', '/agencies/')).toBe('/nianbao/agencies/');
    expect(withBase('/nianbao/', 'feed.xml')).toBe('/nianbao/feed.xml');
  });

  test('make absolute URLs from site, base and path', () => {
    expect(absoluteUrl('https://example.org/', '/nianbao/', '/years/2020/')).toBe('https://example.org/nianbao/years/2020/');
  });

  test('anchor source lines as L<n>', () => {
    expect(lineAnchor(88)).toBe('L88');
  });
});
