export * from './entity.js';
export * from './registry.js';
export * from './match.js';
