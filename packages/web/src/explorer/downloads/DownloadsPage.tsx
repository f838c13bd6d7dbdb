import { useEffect, useState } from 'preact/hooks';
import { citation } from './citation.js';
import type { PublishedEdition } from '../../api/client.js';
import { fileDigest, formatBytes, releaseFiles, type FileDigest } from './release-files.js';
import { EditionReleases } from './EditionReleases.js';
import type { ReleaseLog } from './release-log.js';

type DigestState = FileDigest | 'loading' | 'failed';

function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('Copied.');
    } catch {
      setDone('Copying is not allowed here: select the text and copy it.');
    }
  };
  return (
    <span class="copy">
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span role="status" class="copy__status">
        {done ?? ''}
      </span>
    </span>
  );
}

function EditionFiles({
  edition,
  origin,
  open,
  log,
}: {
  edition: PublishedEdition;
  origin: string;
  open: boolean;
  log: ReleaseLog | null;
}) {
  const files = releaseFiles(edition.edition);
  const [digests, setDigests] = useState<Record<string, DigestState>>({});
  const [wanted, setWanted] = useState(open);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    for (const f of files) {
      setDigests((d) => ({ ...d, [f.id]: d[f.id] ?? 'loading' }));
      fileDigest(f.href).then(
        (digest) => live && setDigests((d) => ({ ...d, [f.id]: digest })),
        () => live && setDigests((d) => ({ ...d, [f.id]: 'failed' })),
      );
    }
    return () => {
      live = false;
    };
  }, [wanted, edition.edition]);
  const cite = citation(edition, origin);
  const headingId = `edition-${edition.edition}`;
  return (
    <details
      class="release"
      open={open}
      onToggle={(ev) => (ev.currentTarget as HTMLDetailsElement).open && setWanted(true)}
    >
      <summary>
        <h2 id={headingId}>{`FIW ${edition.label}`}</h2>
        <span class="release__meta">
          {`${edition.assessments} countries and territories · period under review ${edition.periodStart} to ${edition.periodEnd}`}
        </span>
      </summary>
      <p class="release__checksum">
        {edition.releaseChecksum ? (
          <>
            {`Release ${edition.release ?? 1}, the latest (SHA-256 of its JSON): `}
            <code>{edition.releaseChecksum}</code>
          </>
        ) : (
          'No frozen release checksum recorded for this edition.'
        )}
      </p>
      <div class="table-scroll" role="region" aria-label={`Files of FIW ${edition.label}`} tabIndex={0}>
        <table class="release__files" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Size</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => {
              const d = digests[f.id];
              return (
                <tr key={f.id}>
                  <th scope="row">
                    <a href={f.href} download>
                      {f.label}
                    </a>
                    <span class="release__description">{f.description}</span>
                  </th>
                  <td>
                    {d === undefined
                      ? '—'
                      : d === 'loading'
                        ? 'checking…'
                        : d === 'failed'
                          ? 'unavailable'
                          : d.bytes === null
                            ? '—'
                            : formatBytes(d.bytes)}
                  </td>
                  <td class="sha">
                    {d === undefined ? (
                      'open to check'
                    ) : d === 'loading' ? (
                      'checking…'
                    ) : d === 'failed' ? (
                      'The server did not answer for this file.'
                    ) : (
                      <code>{d.sha256 ?? '—'}</code>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <EditionReleases edition={edition} initial={log} wanted={wanted} />
      <h3>Cite this release</h3>
      <p class="citation">{cite.text}</p>
      <CopyButton text={cite.text} label="Copy citation" />
      <pre class="bibtex" tabIndex={0} aria-label={`BibTeX for FIW ${edition.label}`}>
        {cite.bibtex}
      </pre>
      <CopyButton text={cite.bibtex} label="Copy BibTeX" />
    </details>
  );
}

/** `/downloads`: every published release in every export format, with size, SHA-256 and a citation. */
export function DownloadsPage({
  editions,
  newestLog,
}: {
  editions: readonly PublishedEdition[];
  /** The newest edition's releases and errata log, loaded with the page (that edition is shown open). */
  newestLog: ReleaseLog | null;
}) {
  const newestFirst = [...editions].reverse();
  // The citation's address names the site it is read on; the server renders it site-relative.
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(location.origin), []);
  return (
    <div class="downloads-page">
      <h1>Downloads</h1>
      <p>
        Every published edition in every format: our JSON release (frozen when the edition was published, byte for
        byte), CSV in Freedom House’s own layouts, XLSX, and a Frictionless data package. Each file’s SHA-256 is also
        sent with the download (<code>X-Content-SHA256</code>). The same files are in the <a href="/api/docs">API</a>.
      </p>
      <p>
        A correction to a published edition makes a new release of it; the files below are each edition’s latest
        release, every earlier release stays downloadable byte for byte, and the errata log says what changed and why.
      </p>
      <p>Source: Freedom House, Freedom in the World.</p>
      {newestFirst.length === 0 && <p role="status">No edition has been published yet.</p>}
      {newestFirst.map((e, i) => (
        <EditionFiles key={e.edition} edition={e} origin={origin} open={i === 0} log={i === 0 ? newestLog : null} />
      ))}
    </div>
  );
}
