import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { CommandExecutor } from './commands/command-executor.js';
import { Sessions } from './auth/sessions.js';
import { Authenticator } from './auth/authenticator.js';

// If the test transform stops emitting decorator metadata, Nest injects undefined and
// fails far away from the cause; this fails here instead.
describe('decorator metadata (DI canary)', () => {
  it('is emitted for constructor parameter types', () => {
    expect(Reflect.getMetadata('design:paramtypes', Authenticator)?.[0]).toBe(Sessions);
    expect(Reflect.getMetadata('design:paramtypes', Authenticator)).toHaveLength(3);
    expect(Reflect.getMetadata('design:paramtypes', CommandExecutor)).toHaveLength(4);
  });
});
