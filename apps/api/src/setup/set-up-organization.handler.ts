import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organizationDecider, organizationStream, personDecider, personStream, type OrganizationCreated } from '@textbank/domain';
import { eventIdFor, type EventStore } from '@textbank/event-store';
import { Credentials } from '../auth/credentials.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import type { CommandEnvelope } from '../commands/command-envelope.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { SetUpOrganizationCommand } from './set-up-organization.command.js';
import { founderJoinCommandId, hasJoined, INSTALLATION_ORGANIZATION_ID, organizationCreated } from './the-organization.js';

const ALREADY_SET_UP: CommandOutcome = { ok: false, rejection: { code: 'conflict', message: 'This installation already has an organization' } };

/**
 * First run: the organization (naming its founder) in the installation's one
 * organization stream, then the founder's join in their own stream. Set-up is
 * closed for good once an organization is in the log, whoever owns it now.
 * A crash between the two appends is completed at the next start, from the
 * founder named in OrganizationCreated.
 */
@CommandHandler(SetUpOrganizationCommand)
export class SetUpOrganizationHandler implements ICommandHandler<SetUpOrganizationCommand, CommandOutcome>, OnApplicationBootstrap {
  private readonly logger = new Logger(SetUpOrganizationHandler.name);

  constructor(
    private readonly executor: CommandExecutor,
    private readonly hasher: PasswordHasher,
    private readonly credentials: Credentials,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ request, personId, envelope }: SetUpOrganizationCommand): Promise<CommandOutcome> {
    if (await organizationCreated(this.store)) return ALREADY_SET_UP;
    const reserved = this.credentials.reserve(personId, request.email, await this.hasher.hash(request.password));
    if (!reserved.ok) return { ok: false, rejection: { code: 'conflict', message: 'That email is already in use', field: 'email' } };
    const founder = { personId, name: request.name, email: request.email };
    const created = await this.executor.execute({
      stream: organizationStream(INSTALLATION_ORGANIZATION_ID),
      decider: organizationDecider,
      command: { type: 'CreateOrganization', organizationId: INSTALLATION_ORGANIZATION_ID, name: request.organizationName, founder, now: envelope.now.toISOString() },
      envelope,
    });
    if (!created.ok) {
      this.credentials.release(personId);
      return created.rejection.code === 'conflict' ? ALREADY_SET_UP : created;
    }
    return this.joinFounder(INSTALLATION_ORGANIZATION_ID, founder, eventIdFor(envelope.commandId, 0), envelope);
  }

  /** Completes a set-up interrupted between its two appends. */
  async onApplicationBootstrap(): Promise<void> {
    const created = await organizationCreated(this.store);
    const founder = created?.data.founder;
    if (!created || !founder || (await hasJoined(this.store, founder.personId))) return;
    this.logger.warn({ personId: founder.personId }, 'completing an interrupted first-run set-up: the founder joins');
    const envelope: CommandEnvelope = {
      commandId: founderJoinCommandId(created.id),
      correlationId: String(created.metadata['correlationId'] ?? created.id),
      actor: { id: founder.personId, kind: 'person', name: founder.name },
      now: created.created,
    };
    await this.joinFounder(created.data.organizationId, founder, created.id, envelope);
  }

  private joinFounder(organizationId: string, founder: NonNullable<OrganizationCreated['data']['founder']>, createdEventId: string, envelope: CommandEnvelope) {
    return this.executor.execute({
      stream: personStream(founder.personId),
      decider: personDecider,
      command: { type: 'JoinOrganization', organizationId, ...founder, role: 'owner', now: envelope.now.toISOString() },
      envelope: { ...envelope, commandId: founderJoinCommandId(createdEventId) },
    });
  }
}
