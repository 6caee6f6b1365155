import type { CommandEnvelope } from './command-envelope.js';

/** A person's command envelope at a fixed time, for executor tests. */
export const envelope = (commandId: string): CommandEnvelope => ({
  commandId,
  correlationId: 'test',
  actor: { id: 'p1', kind: 'person', name: 'Ada' },
  now: new Date('2026-11-28T12:00:00Z'),
});

let ids = 0;
/** A fresh UUIDv7-shaped command id. */
export const nextId = () => `0195f5a0-0000-7000-8000-${String(++ids).padStart(12, '0')}`;

export const hours = { start: '09:00', end: '21:00' };
