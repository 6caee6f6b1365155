export * from './fake-twilio-server.js';
export * from './signed-webhook.js';
