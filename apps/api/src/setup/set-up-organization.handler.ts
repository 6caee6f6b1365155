import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStream, personDecider, personStream } from '@textbank/domain';
import { eventIdFor, type EventStore } from '@textbank/event-store';
import { findOrganization, hasOwner, type ProjectionRunner } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { Credentials } from '../auth/credentials.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { EVENT_STORE, PROJECTIONS, READ_MODEL_DB } from '../infrastructure/tokens.js';
import { SetUpOrganizationCommand } from './set-up-organization.command.js';

/**
 * First run: one organization per installation, then its founder joins as
 * owner (two streams, two appends). Set-ups are serialised in this process
 * and the read models caught up first, so a second set-up sees the first. An
 * organization left without an owner (a crash between the appends) is
 * completed by the next set-up rather than duplicated.
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
    if (hasOwner(this.readModels)) return { ok: false, rejection: { code: 'conflict', message: 'This installation already has an organization' } };
    const now = envelope.now.toISOString();
    const reserved = this.credentials.reserve(personId, request.email, await this.hasher.hash(request.password));
    if (!reserved.ok) return { ok: false, rejection: { code: 'conflict', message: 'That email is already in use', field: 'email' } };
    const existing = findOrganization(this.readModels);
    const orgId = existing?.id ?? organizationId;
    if (!existing) {
      const created = await this.executor.execute({
        stream: organizationStream(orgId),
        decider: organizationDecider,
        command: { type: 'CreateOrganization', organizationId: orgId, name: request.organizationName, now },
        envelope,
      });
      if (!created.ok) {
        this.credentials.release(personId);
        return created;
      }
    }
    const joined = await this.executor.execute({
      stream: personStream(personId),
      decider: personDecider,
      command: { type: 'JoinOrganization', personId, organizationId: orgId, name: request.name, email: request.email, role: 'owner', now },
      // A second command of the same request: its id derives from the first, so a retry repeats both.
      envelope: { ...envelope, commandId: eventIdFor(envelope.commandId, 1_000) },
    });
    if (!joined.ok) this.credentials.release(personId);
    return joined;
  }
}
