import type { CommandEnvelope } from '../commands/command-envelope.js';

export class IssuePasswordResetCommand {
  constructor(
    readonly organizationId: string,
    readonly personId: string,
    readonly by: string,
    readonly envelope: CommandEnvelope,
  ) {}
}

export class ResetPasswordCommand {
  constructor(
    readonly token: string,
    readonly password: string,
    readonly envelopeFor: (person: { id: string; name: string }) => CommandEnvelope,
  ) {}
}

export class ChangeEmailCommand {
  constructor(
    readonly personId: string,
    readonly email: string,
    readonly envelope: CommandEnvelope,
  ) {}
}
