import { useEffect, useState } from 'preact/hooks';
import type { PublishedEdition } from '../../api/client.js';
import { useApi } from '../../app/api-context.js';
import { ErrataTable } from '../../components/ErrataTable/ErrataTable.js';
import { loadReleaseLog, releaseHref, releaseSummary, type ReleaseLog } from './release-log.js';
import { formatBytes } from './release-files.js';

type LogState = ReleaseLog | 'waiting' | 'loading' | 'failed';

/**
 * An edition's releases, newest first, each with its frozen JSON, size and
 * SHA-256, and its errata log. The page's loader brings the first edition's
 * (so it is server-rendered); the others are fetched when first opened.
 */
export function EditionReleases({
  edition,
  initial,
  wanted,
}: {
  edition: PublishedEdition;
  initial: ReleaseLog | null;
  wanted: boolean;
}) {
  const api = useApi();
  const [log, setLog] = useState<LogState>(initial ?? 'waiting');
  useEffect(() => {
    if (!wanted || !api || typeof log === 'object' || log === 'loading' || !edition.releaseChecksum) return;
    let live = true;
    setLog('loading');
    loadReleaseLog(api, edition.edition).then(
      (l) => live && setLog(l),
      () => live && setLog('failed'),
    );
    return () => {
      live = false;
    };
  }, [wanted, api, edition.edition]);

  const label = `FIW ${edition.label}`;
  if (!edition.releaseChecksum) return null;
  if (typeof log !== 'object')
    return (
      <p class="releases__state" role="status">
        {log === 'loading'
          ? 'Loading the releases and errata log…'
          : log === 'failed'
            ? 'The server did not answer with this edition’s releases. '
            : 'The releases and errata log are listed here once the edition is opened. '}
        {log !== 'loading' && (
          <>
            They are also in the API: <a href={`/api/v1/editions/${edition.edition}/releases`}>releases</a>,{' '}
            <a href={`/api/v1/editions/${edition.edition}/errata`}>errata log</a>.
          </>
        )}
      </p>
    );
  const headingId = `releases-${edition.edition}`;
  return (
    <section class="releases" aria-labelledby={headingId}>
      <h3 id={headingId}>Releases</h3>
      <ul class="releases__list">
        {log.releases.map((r) => (
          <li key={r.release} class={r.latest ? 'releases__item releases__item--latest' : 'releases__item'}>
            <span class="releases__summary">
              {releaseSummary(r)}
              {r.latest && <strong class="releases__latest"> (latest: the files above)</strong>}
            </span>
            <span class="releases__file">
              <a href={releaseHref(edition.edition, r.release)} download>
                {`JSON of release ${r.release}`}
              </a>
              {` · ${formatBytes(r.size)} · SHA-256 `}
              <code>{r.checksum}</code>
              {!r.latest && (
                <>
                  {' · written from it: '}
                  <a href={releaseHref(edition.edition, r.release, 'xlsx')} download>
                    XLSX
                  </a>
                  {', '}
                  <a href={releaseHref(edition.edition, r.release, 'csv')} download>
                    CSV
                  </a>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      {log.errata.length > 0 && (
        <details class="releases__errata">
          <summary>{`Errata log: ${log.errata.length} ${log.errata.length === 1 ? 'entry' : 'entries'}`}</summary>
          <div class="table-scroll" role="region" aria-label={`Errata log of ${label}`} tabIndex={0}>
            <ErrataTable errata={log.errata} of="edition" caption={`Corrections to ${label}, oldest first`} />
          </div>
        </details>
      )}
    </section>
  );
}
