import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { campaignScriptStream, MAX_SCRIPT_VARIANTS, scriptDecider } from '@textbank/domain';
import { eventIdFor } from '@textbank/event-store';
import { CommandExecutor } from '../../commands/command-executor.js';
import type { CommandOutcome } from '../../commands/command-outcome.js';
import { CampaignMergeFields } from '../campaign-merge-fields.js';
import { CampaignStandingLookup } from '../campaign-standing.js';
import { textFactsOf } from '../text-facts.js';
import { ReviseScriptCommand } from './revise-script.command.js';

@CommandHandler(ReviseScriptCommand)
export class ReviseScriptHandler implements ICommandHandler<ReviseScriptCommand, CommandOutcome> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly mergeFields: CampaignMergeFields,
    private readonly campaigns: CampaignStandingLookup,
  ) {}

  async execute({ campaignId, request, envelope }: ReviseScriptCommand): Promise<CommandOutcome> {
    return this.executor.execute({
      stream: campaignScriptStream(campaignId),
      decider: scriptDecider,
      command: {
        type: 'ReviseInitialScript',
        campaignId,
        campaign: await this.campaigns.of(campaignId),
        allowedMergeFields: this.mergeFields.allowed(campaignId),
        variants: request.variants.map((variant) => ({ ...variant, ...textFactsOf(variant.body) })),
        // Derived from the command: a retried save gives its new variants the same ids.
        newVariantIds: Array.from({ length: MAX_SCRIPT_VARIANTS }, (_, i) => eventIdFor(envelope.commandId, 2_000_000 + i)),
        now: envelope.now.toISOString(),
      },
      envelope,
      // The editor saw this revision (-1: no script yet); if someone saved since, they must look again.
      expectedRevision: BigInt(request.expectedRevision),
    });
  }
}
