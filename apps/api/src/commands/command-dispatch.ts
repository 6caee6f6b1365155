import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandAccepted } from '@textbank/contracts';
import type { ProjectionRunner } from '@textbank/projections';
import { acceptedOrThrow } from '../http/command-response.js';
import { PROJECTIONS } from '../infrastructure/tokens.js';
import type { CommandOutcome } from './command-outcome.js';

/** How a write endpoint answers: dispatch, map a refusal to its HTTP error, reply once the read models include it. */
@Injectable()
export class CommandDispatch {
  constructor(
    readonly commandBus: CommandBus,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
  ) {}

  /** `id`: what the command made or changed, echoed to the client with the position. */
  async accepted(command: object, id: string): Promise<CommandAccepted> {
    return this.readable(await this.commandBus.execute<object, CommandOutcome>(command), id);
  }

  /**
   * For handlers that answer more than an outcome (a new invite's token).
   * Waits for the read models (through a rebuild too), and says so when they
   * did not get there in time rather than answering as if they had.
   */
  async readable(outcome: CommandOutcome, id: string): Promise<CommandAccepted> {
    const accepted = acceptedOrThrow(outcome, id);
    const readable = await this.projections.waitFor(BigInt(accepted.position));
    return { ...accepted, readable };
  }
}
