import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personDecider, personStream } from '@textbank/domain';
import { findOrganization, findPerson } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { Credentials } from '../auth/credentials.js';
import { KnownDevices } from '../auth/known-devices.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { PasswordResets } from '../auth/password-resets.js';
import { Sessions } from '../auth/sessions.js';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { Standings } from '../people/standings.js';
import { mayReset } from './issue-password-reset.handler.js';
import { ResetPasswordCommand } from './password-reset.commands.js';

export type ResetOutcome = CommandOutcome & { readonly personId?: string };

const PROBLEMS = {
  unknown: 'This reset link is not valid. Check that it was copied whole.',
  expired: 'This reset link has expired. Ask an organizer for a new one.',
  used: 'This reset link was already used. Ask an organizer for a new one if you need to.',
} as const;

/**
 * The link is claimed once (atomically), the new hash stored, the reset
 * recorded; then every session and remembered browser of the person ends, so
 * whoever knew the old password is out.
 */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand, ResetOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly resets: PasswordResets,
    private readonly credentials: Credentials,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly devices: KnownDevices,
    private readonly standings: Standings,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
  ) {}

  async execute({ token, password, envelopeFor }: ResetPasswordCommand): Promise<ResetOutcome> {
    const probe = envelopeFor({ id: 'nobody', name: '' }).now.getTime();
    const found = this.resets.find(token, probe);
    if (!found.ok) return { ok: false, rejection: { code: found.reason === 'unknown' ? 'not_found' : 'gone', message: PROBLEMS[found.reason] } };
    const person = findPerson(this.readModels, found.personId);
    if (!person || person.status !== 'active') return { ok: false, rejection: { code: 'gone', message: 'This account can no longer sign in. Ask an organizer.' } };
    const organization = findOrganization(this.readModels);
    const refused = found.issuedBy && organization ? await mayReset(this.standings, organization.id, found.issuedBy, person.id) : { code: 'gone' as const, message: PROBLEMS.unknown };
    if (refused) return { ok: false, rejection: { code: 'gone', message: `This reset link no longer works: ${refused.message.toLowerCase()}. Ask an organizer for a new one.` } };
    const hash = await this.hasher.hash(password);
    if (!this.resets.use(token, probe)) return { ok: false, rejection: { code: 'gone', message: PROBLEMS.used } };
    const envelope = envelopeFor({ id: person.id, name: person.name });
    let outcome: CommandOutcome | undefined;
    try {
      outcome = await this.executor.execute({
        stream: personStream(person.id),
        decider: personDecider,
        command: { type: 'ResetPassword', personId: person.id, now: envelope.now.toISOString() },
        envelope,
      });
    } finally {
      if (!outcome?.ok) this.resets.release(token);
    }
    if (!outcome.ok) return outcome;
    this.credentials.setPassword(person.id, hash, envelope.now.getTime());
    this.sessions.endAllFor(person.id);
    this.devices.forgetAllFor(person.id);
    // Signed in with a password of their own choosing: no longer a member an owner may simply remove.
    this.credentials.markSignedIn(person.id, envelope.now.getTime());
    return { ...outcome, personId: person.id };
  }
}
