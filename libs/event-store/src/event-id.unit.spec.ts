import { describe, expect, it } from 'vitest';
import { eventIdFor, newEventId } from './event-id.js';

describe('event ids', () => {
  it('derives the same UUIDv7 from the same command id and index', () => {
    const command = newEventId();
    expect(eventIdFor(command, 0)).toBe(eventIdFor(command, 0));
    expect(eventIdFor(command, 0)).not.toBe(eventIdFor(command, 1));
    expect(eventIdFor(command, 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('carries the command time, so ids sort by when the command was made', () => {
    const command = newEventId();
    expect(eventIdFor(command, 0).slice(0, 13)).toBe(command.slice(0, 13));
  });
});
