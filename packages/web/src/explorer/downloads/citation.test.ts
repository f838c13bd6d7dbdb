import { describe, expect, it } from 'vitest';
import { citation } from './citation.js';
import { formatBytes, releaseFiles } from './release-files.js';

const edition = {
  edition: 1983,
  label: '1983-84',
  periodStart: '1982-08-02',
  periodEnd: '1983-11-30',
  yearUnderReview: 1983,
  methodology: 'fiw-1983',
  publishedAt: '2026-12-01T10:00:00.000Z',
  releaseChecksum: 'ab12cd34'.repeat(8),
  release: 2,
  assessments: 167,
};

describe('downloads', () => {
  it('cites a release by its edition label, period and checksum, with the attribution', () => {
    const c = citation(edition, 'https://ratings.example.org');
    expect(c.text).toContain('Freedom in the World 1983-84: ratings and scores');
    expect(c.text).toContain(`release 2, SHA-256 ${edition.releaseChecksum}`);
    expect(c.text).toContain('https://ratings.example.org/api/v1/editions/1983/export?format=json&release=2.');
    expect(c.text).toContain('Source: Freedom House, Freedom in the World.');
    expect(c.bibtex).toMatch(/^@misc\{fiw1983_r2_ab12cd34,\n {2}author = \{\{Freedom House\}\},/);
    expect(c.bibtex).toContain('published 2026-12-01');
    expect(c.bibtex.trim().endsWith('}')).toBe(true);
  });

  it('says so when an edition has no frozen release', () => {
    const c = citation(
      { ...edition, releaseChecksum: null, publishedAt: null, release: null },
      'http://127.0.0.1:8080',
    );
    expect(c.text).toContain('release not yet frozen');
    expect(c.bibtex).toContain('@misc{fiw1983,');
  });

  it('lists every export format of the API', () => {
    const hrefs = releaseFiles(2024).map((f) => f.href);
    expect(hrefs).toContain('/api/v1/editions/2024/export?format=json');
    expect(hrefs).toContain('/api/v1/editions/2024/export?format=csv&layout=ratings&kind=territory');
    expect(hrefs).toContain('/api/v1/editions/2024/datapackage/datapackage.json');
    expect(hrefs).toHaveLength(7);
  });

  it('gives sizes in decimal units', () => {
    expect([formatBytes(999), formatBytes(12_345), formatBytes(1_400_000)]).toEqual(['999 B', '12.3 kB', '1.4 MB']);
  });
});
