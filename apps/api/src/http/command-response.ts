import { BadRequestException, ConflictException, ForbiddenException, GoneException, NotFoundException, type HttpException } from '@nestjs/common';
import type { Rejection } from '@textbank/domain';
import type { CommandOutcome } from '../commands/command-outcome.js';

/** Maps a refused command to its HTTP status, naming the field when the decider did. */
export function rejectionToHttp(rejection: Rejection): HttpException {
  const body = { message: rejection.message, ...(rejection.field && { issues: [{ path: rejection.field, message: rejection.message }] }) };
  switch (rejection.code) {
    case 'not_found':
      return new NotFoundException(body);
    case 'conflict':
      return new ConflictException(body);
    case 'forbidden':
      return new ForbiddenException(body);
    case 'invalid':
      return new BadRequestException(body);
    case 'gone':
      return new GoneException(body);
  }
}

/** The accepted command's answer over HTTP: what it made and its position, or the mapped refusal. */
export function acceptedOrThrow(outcome: CommandOutcome, id: string): { id: string; position: string } {
  if (!outcome.ok) throw rejectionToHttp(outcome.rejection);
  return { id, position: outcome.position.toString() };
}
