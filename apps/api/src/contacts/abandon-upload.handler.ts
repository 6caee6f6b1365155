import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { contactUploadDecider, contactUploadStream } from '@textbank/domain';
import { CommandExecutor } from '../commands/command-executor.js';
import type { CommandOutcome } from '../commands/command-outcome.js';
import { AbandonUploadCommand } from './abandon-upload.command.js';
import { ActiveUploads } from './active-uploads.js';

/** Discards an interrupted upload: its waiting contacts are dropped, none ever shown. One still being read is not discarded. */
@CommandHandler(AbandonUploadCommand)
export class AbandonUploadHandler implements ICommandHandler<AbandonUploadCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly active: ActiveUploads,
  ) {}

  execute({ uploadId, reason, envelope }: AbandonUploadCommand): Promise<CommandOutcome> {
    if (this.active.isReading(uploadId)) {
      return Promise.resolve({ ok: false, rejection: { code: 'conflict', message: 'This upload is still being read; wait for it to finish' } });
    }
    return this.executor.execute({
      stream: contactUploadStream(uploadId),
      decider: contactUploadDecider,
      command: { type: 'AbandonContactUpload', uploadId, reason, now: envelope.now.toISOString() },
      envelope,
    });
  }
}
