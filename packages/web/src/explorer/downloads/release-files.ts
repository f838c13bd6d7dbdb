/** One downloadable file of a published edition. */
export interface ReleaseFile {
  id: string;
  label: string;
  /** What the file is for, in a few words. */
  description: string;
  href: string;
}

/**
 * Every export the public API serves for an edition (see the exports route):
 * the frozen JSON release, CSV in each of Freedom House's layouts, XLSX with
 * every layout, and the Frictionless data package.
 */
export function releaseFiles(edition: number): ReleaseFile[] {
  const base = `/api/v1/editions/${edition}`;
  const file = (id: string, label: string, description: string, href: string): ReleaseFile => ({
    id,
    label,
    description,
    href,
  });
  const files = [
    file(
      'json',
      'JSON release',
      'The frozen release: every assessment with scores and texts',
      `${base}/export?format=json`,
    ),
    file('xlsx', 'XLSX', 'One workbook with every layout', `${base}/export?format=xlsx`),
    file(
      'csv-indicators',
      'CSV, indicator layout',
      'Freedom House’s “All data” columns (25 indicators)',
      `${base}/export?format=csv&layout=indicators`,
    ),
    file(
      'csv-subcategories',
      'CSV, subcategory layout',
      'Freedom House’s aggregate and subcategory columns',
      `${base}/export?format=csv&layout=subcategories`,
    ),
    file(
      'csv-ratings-country',
      'CSV, ratings of countries',
      'Ratings and statuses, countries',
      `${base}/export?format=csv&layout=ratings&kind=country`,
    ),
    file(
      'csv-ratings-territory',
      'CSV, ratings of territories',
      'Ratings and statuses, territories',
      `${base}/export?format=csv&layout=ratings&kind=territory`,
    ),
    file(
      'datapackage',
      'Data package',
      'Frictionless datapackage.json; its CSVs are beside it',
      `${base}/datapackage/datapackage.json`,
    ),
  ];
  return files;
}

/** Size and SHA-256 of a file as the server states them (`X-Content-Length`, `X-Content-SHA256`). */
export interface FileDigest {
  bytes: number | null;
  sha256: string | null;
}

/** Asks the server for a file's size and digest without downloading it (a HEAD request). */
export async function fileDigest(href: string): Promise<FileDigest> {
  const response = await fetch(href, { method: 'HEAD', signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`The server answered ${response.status} for ${href}.`);
  // Not Content-Length: the browser asks for compressed answers, and that counts the compressed bytes.
  const length = response.headers.get('x-content-length');
  return { bytes: length === null ? null : Number(length), sha256: response.headers.get('x-content-sha256') };
}

/** "12.3 kB", "1.4 MB": decimal units, as download sizes are usually given. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
