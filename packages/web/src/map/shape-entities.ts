/**
 * Which Freedom House entities a base-map shape stands for, beyond the one
 * its ISO 3166 code names. The base map (Natural Earth, via world-atlas) draws
 * today's borders; FH rated former states (the USSR, Yugoslavia, …) and
 * territories the map has no ISO code for. A shape shows the first entity in
 * its list that has a rating in the edition shown; every rated entity that
 * colours no shape is drawn as a marked point instead, so none goes missing.
 */

/** Shapes world-atlas leaves without an ISO code, matched by their name there. */
export const SHAPES_BY_NAME: Readonly<Record<string, readonly string[]>> = {
  'N. Cyprus': ['northern-cyprus'],
  Somaliland: ['somaliland'],
  Kosovo: ['kosovo', 'serbia-and-montenegro', 'yugoslavia'],
  // Natural Earth's "Palestine" is the West Bank.
  Palestine: ['west-bank', 'israeli-occupied-territories', 'west-bank-and-gaza-strip'],
};

/** Former states a modern country's shape stands for in the editions before that country was rated. */
export const PREDECESSORS: Readonly<Record<string, readonly string[]>> = {
  russia: ['ussr'],
  ukraine: ['ussr'],
  belarus: ['ussr'],
  moldova: ['ussr'],
  estonia: ['ussr'],
  latvia: ['ussr'],
  lithuania: ['ussr'],
  georgia: ['ussr'],
  armenia: ['ussr'],
  azerbaijan: ['ussr'],
  kazakhstan: ['ussr'],
  uzbekistan: ['ussr'],
  turkmenistan: ['ussr'],
  kyrgyzstan: ['ussr'],
  tajikistan: ['ussr'],
  germany: ['west-germany'],
  'czech-republic': ['czechoslovakia'],
  slovakia: ['czechoslovakia'],
  serbia: ['serbia-and-montenegro', 'yugoslavia'],
  montenegro: ['serbia-and-montenegro', 'yugoslavia'],
  croatia: ['yugoslavia'],
  slovenia: ['yugoslavia'],
  'bosnia-and-herzegovina': ['yugoslavia'],
  'north-macedonia': ['yugoslavia'],
  vietnam: ['north-vietnam'],
  yemen: ['north-yemen'],
};

/**
 * Where to mark entities that have no ISO code (territories, former states):
 * [longitude, latitude] of a point inside each, close to its main city where
 * two would otherwise overlap. Entities with an ISO code are placed at the
 * centroid of their shape in the detailed Natural Earth map instead.
 */
export const PLACES: Readonly<Record<string, readonly [number, number]>> = {
  abkhazia: [41.0, 43.1],
  chechnya: [45.7, 43.3],
  crimea: [34.1, 45.3],
  czechoslovakia: [17.0, 49.2],
  'eastern-donbas': [38.5, 48.2],
  'gaza-strip': [34.4, 31.4],
  'east-germany': [12.5, 52.3],
  'west-germany': [8.5, 50.5],
  'indian-kashmir': [75.0, 33.8],
  'israeli-occupied-territories': [35.2, 31.9],
  kosovo: [20.9, 42.6],
  kurdistan: [44.0, 36.2],
  'nagorno-karabakh': [46.7, 39.8],
  'northern-cyprus': [33.6, 35.25],
  'northern-ireland': [-6.7, 54.6],
  'pakistani-kashmir': [74.0, 35.2],
  'palestinian-authority-administered-territories': [35.25, 31.6],
  'russian-occupied-territories-of-ukraine': [36.5, 47.3],
  'serbia-and-montenegro': [20.5, 44.0],
  somaliland: [45.0, 9.6],
  'south-ossetia': [44.0, 42.3],
  tibet: [88.0, 31.5],
  transnistria: [29.5, 47.2],
  tuvalu: [179.2, -8.5],
  ussr: [60.0, 58.0],
  'north-vietnam': [105.8, 21.0],
  'south-vietnam': [106.7, 11.5],
  'west-bank': [35.3, 32.0],
  'west-bank-and-gaza-strip': [35.0, 31.8],
  'west-papua': [138.5, -4.3],
  'north-yemen': [44.2, 15.4],
  'south-yemen': [46.5, 14.3],
  yugoslavia: [20.0, 44.0],
};
