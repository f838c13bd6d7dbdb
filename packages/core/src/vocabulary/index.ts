export * from './roles.js';
export * from './workflow.js';
export * from './narrative-sections.js';
export * from './narrative-labels.js';
export * from './deadlines.js';
export * from './corrections.js';
