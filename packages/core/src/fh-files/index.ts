export * from './table.js';
export * from './cells.js';
export * from './columns.js';
export * from './read.js';
export * from './compare.js';
export * from './write.js';
export * from './read-ratings.js';
export * from './csv-text.js';
