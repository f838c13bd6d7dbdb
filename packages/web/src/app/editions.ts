import type { Api, PublishedEdition } from '../api/client.js';
import { ApiError } from '../api/transport.js';

export interface EditionChoice {
  /** Every published edition, oldest first. */
  editions: PublishedEdition[];
  /** The one asked for, or the newest when none was. */
  current: PublishedEdition;
}

/** The edition an address asks for (null: the newest), or a 404 ApiError that says which ones exist. */
export async function chooseEdition(api: Api, edition: number | null): Promise<EditionChoice> {
  const { editions } = await api.editions();
  if (editions.length === 0) {
    throw new ApiError(404, 'not-found', 'No edition has been published yet, so there is nothing to show.');
  }
  const current = edition === null ? editions.at(-1)! : editions.find((e) => e.edition === edition);
  if (!current) {
    const range = `${editions[0]!.label}–${editions.at(-1)!.label}`;
    throw new ApiError(404, 'not-found', `There is no published edition ${edition}. Published editions: ${range}.`);
  }
  return { editions, current };
}

/** “FIW 2024”, or FH's own label for the editions before 2003 (“FIW 1983-84”); an edition of another methodology by its label and methodology (“2030 (civic-index)”). */
export const editionName = (e: { label: string; methodology?: string }) =>
  e.methodology === undefined || e.methodology.startsWith('fiw-') ? `FIW ${e.label}` : `${e.label} (${e.methodology})`;
