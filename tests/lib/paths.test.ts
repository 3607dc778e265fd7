import { describe, expect, test } from 'vitest';
import { absoluteUrl, agencyPath, lineAnchor, recordDataPath, reportPath, withBase, yearPath } from '../../src/lib/paths.ts';

describe('URLs', () => {
  test('are stable ASCII paths with a trailing slash for pages', () => {
    expect(reportPath('liaocheng-weijian', 2020)).toBe('/agencies/liaocheng-weijian/2020/');
    expect(reportPath('unidentified-d7e31f0d', null)).toBe('/agencies/unidentified-d7e31f0d/0/');
    expect(agencyPath('liaocheng-weijian')).toBe('/agencies/liaocheng-weijian/');
    expect(yearPath(2020)).toBe('/years/2020/');
  });

  test('keep the extension for data files', () => {
    expect(recordDataPath('liaocheng-weijian', 2020, 'json')).toBe('/data/liaocheng-weijian/2020.json');
    expect(recordDataPath('liaocheng-weijian', 2020, 'csv')).toBe('/data/liaocheng-weijian/2020.csv');
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
