export * from './entity.js';
export * from './entity-name.js';
export * from './registry.js';
export * from './match.js';
export * from './succession.js';
export * from './propose.js';
