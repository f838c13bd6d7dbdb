import { definePage } from '../../app/page.js';
import { DownloadsPage } from './DownloadsPage.js';
import type { PublishedEdition } from '../../api/client.js';
import { loadReleaseLog, type ReleaseLog } from './release-log.js';

/**
 * `/downloads`: every published release. Only the newest edition's releases
 * and errata come with the page (it is the one shown open); asking for all
 * fifty editions' would make a hundred requests for lists mostly closed.
 */
export const downloadsPage = definePage<'downloads', { editions: PublishedEdition[]; newestLog: ReleaseLog | null }>({
  load: async (api) => {
    const { editions } = await api.editions();
    const newest = editions.at(-1);
    const newestLog = newest?.releaseChecksum ? await loadReleaseLog(api, newest.edition) : null;
    return { editions, newestLog };
  },
  head: (_view, { editions }) => ({
    title: 'Downloads — Freedom Ratings',
    description: `Every published edition (${editions.length}) in every format — JSON release, CSV in Freedom House’s layouts, XLSX, data package — with size, SHA-256 and a citation. Source: Freedom House, Freedom in the World.`,
  }),
  Page: ({ data }) => <DownloadsPage editions={data.editions} newestLog={data.newestLog} />,
});
