export * from './schema.js';
export * from './connect.js';
export * from './migrate.js';
export * from './assessment-input.js';
export * from './import/index.js';
export * from './export/index.js';
export * from './release.js';
export * from './write-transaction.js';
