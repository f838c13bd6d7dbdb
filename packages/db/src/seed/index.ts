export {
  PUBLISHED_FIGURES_ATTRIBUTION,
  PUBLISHED_FIGURES_FORMAT,
  PublishedFiguresFileError,
  type PublishedFiguresAssessment,
  type PublishedFiguresDocument,
  type PublishedFiguresSource,
} from './published-figures-document.js';
export { buildPublishedFigures, PUBLISHED_FIGURES_INPUTS } from './build-published-figures.js';
export {
  isNewDatabase,
  loadPublishedFigures,
  publishedFiguresFile,
  readPublishedFigures,
  type PublishedFiguresLoad,
} from './load-published-figures.js';
