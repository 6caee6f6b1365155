import { Injectable } from '@nestjs/common';
import { campaignDecider, campaignStream, type CampaignStanding } from '@textbank/domain';
import { CommandExecutor } from '../commands/command-executor.js';

/** Whether the campaign exists and where it stands, read from its own stream (not a read model that may lag). */
@Injectable()
export class CampaignStandingLookup {
  constructor(private readonly executor: CommandExecutor) {}

  async of(campaignId: string): Promise<CampaignStanding> {
    return (await this.executor.current(campaignStream(campaignId), campaignDecider)).status;
  }
}
