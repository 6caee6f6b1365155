import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStream } from '@textbank/domain';
import { findOrganization, type ProjectionRunner } from '@textbank/projections';
import type { EventStore } from '@textbank/event-store';
import type Database from 'better-sqlite3';
import { Credentials } from '../auth/credentials.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { EVENT_STORE, PROJECTIONS, READ_MODEL_DB } from '../infrastructure/tokens.js';
import { SetUpOrganizationCommand } from './set-up-organization.command.js';

/**
 * First run: one organization per installation. Set-ups are serialised in
 * this process and the read model is caught up first, so a second set-up
 * sees the first. The password hash is saved before the events: a set-up
 * that fails after it leaves an inert hash, never an owner without one.
 */
@CommandHandler(SetUpOrganizationCommand)
export class SetUpOrganizationHandler implements ICommandHandler<SetUpOrganizationCommand, CommandOutcome> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly executor: CommandExecutor,
    private readonly hasher: PasswordHasher,
    private readonly credentials: Credentials,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
  ) {}

  execute(command: SetUpOrganizationCommand): Promise<CommandOutcome> {
    const run = this.queue.then(() => this.setUp(command));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async setUp({ request, organizationId, personId, envelope }: SetUpOrganizationCommand): Promise<CommandOutcome> {
    const head = await this.store.headPosition();
    if (head) await this.projections.waitFor(head.commit);
    if (findOrganization(this.readModels)) return { ok: false, rejection: { code: 'conflict', message: 'This installation already has an organization' } };
    this.credentials.save(personId, await this.hasher.hash(request.password));
    return this.executor.execute({
      stream: organizationStream(organizationId),
      decider: organizationDecider,
      command: {
        type: 'SetUpOrganization',
        organizationId,
        name: request.organizationName,
        owner: { personId, name: request.name, email: request.email },
        now: envelope.now.toISOString(),
      },
      envelope,
    });
  }
}
