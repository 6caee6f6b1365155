export * from './fields.js';
export * from './organization.js';
export * from './session.js';
export * from './campaign.js';
export * from './command-result.js';
export * from './event-log.js';
export * from './socket.js';
export * from './health.js';
