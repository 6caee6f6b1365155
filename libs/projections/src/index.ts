export * from './projector.js';
export * from './projection-runner.js';
export * from './read-model-database.js';
export * from './cached-statement.js';
export * from './read-models/campaigns.js';
export * from './read-models/event-log.js';
export * from './read-models/people.js';
export * from './read-models/invites.js';
export { allProjectors } from './all-projectors.js';
