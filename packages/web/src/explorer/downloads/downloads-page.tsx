import { definePage } from '../../app/page.js';
import { DownloadsPage } from './DownloadsPage.js';
import type { PublishedEdition } from '../../api/client.js';

/** `/downloads`: every published release. */
export const downloadsPage = definePage<'downloads', { editions: PublishedEdition[] }>({
  load: async (api) => ({ editions: (await api.editions()).editions }),
  head: (_view, { editions }) => ({
    title: 'Downloads — Freedom Ratings',
    description: `Every published edition (${editions.length}) in every format — JSON release, CSV in Freedom House’s layouts, XLSX, data package — with size, SHA-256 and a citation. Source: Freedom House, Freedom in the World.`,
  }),
  Page: ({ data }) => <DownloadsPage editions={data.editions} />,
});
