/**
 * How i18n-iso-countries spells the entities whose Freedom House name it does
 * not know. Used by the ISO code generator and by the test that checks the
 * generated codes against the package.
 */
export const ISO_LOOKUP_NAMES: Readonly<Record<string, string>> = {
  brunei: 'Brunei Darussalam',
  'cabo-verde': 'Cape Verde',
  'congo-brazzaville': 'Republic of the Congo',
  'congo-kinshasa': 'Democratic Republic of the Congo',
  laos: "Lao People's Democratic Republic",
  micronesia: 'Micronesia, Federated States of',
  moldova: 'Moldova, Republic of',
  syria: 'Syrian Arab Republic',
  'st-kitts-and-nevis': 'Saint Kitts and Nevis',
  'st-lucia': 'Saint Lucia',
  'st-vincent-and-the-grenadines': 'Saint Vincent and the Grenadines',
};
