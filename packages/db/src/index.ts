export * from './schema.js';
export * from './connect.js';
export * from './migrate.js';
