import { Injectable } from '@nestjs/common';
import type { LaunchChecklist } from '@textbank/contracts';
import { campaignDecider, campaignStream, launchChecklist } from '@textbank/domain';
import { CommandExecutor } from '../commands/command-executor.js';
import { LaunchFacts } from './launch-facts.js';

/** The checklist as a launch would see it now: the campaign from its stream, the rest from LaunchFacts. Undefined: no such campaign. */
@Injectable()
export class LaunchChecklistReader {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: LaunchFacts,
  ) {}

  async checklist(campaignId: string): Promise<LaunchChecklist | undefined> {
    const [campaign, facts] = await Promise.all([this.executor.current(campaignStream(campaignId), campaignDecider), this.facts.of(campaignId)]);
    if (campaign.status === 'none') return undefined;
    const items = launchChecklist(facts, campaign.textingHours);
    return { campaignId, status: campaign.status, ready: items.every((item) => item.ready), items };
  }
}
