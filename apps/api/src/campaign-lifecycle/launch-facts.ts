import { Injectable } from '@nestjs/common';
import type { CampaignFacts } from '@textbank/domain';

/**
 * How many contacts a campaign has (visible ones: from completed uploads).
 * An abstract class so the lifecycle does not depend on the contacts module;
 * campaign-launch-facts.ts reads the read models.
 */
export abstract class ContactFacts {
  abstract contactCount(campaignId: string): Promise<number>;
}

/**
 * Whether the campaign has an initial script, and which merge fields its
 * scripts use that no contact column provides (see campaign-launch-facts.ts).
 */
export abstract class ScriptFacts {
  abstract hasInitialScript(campaignId: string): Promise<boolean>;
  abstract unknownMergeFields(campaignId: string): Promise<readonly string[]>;
}

/** What the launch checklist asks about a campaign outside its own stream, gathered in one place. */
@Injectable()
export class LaunchFacts {
  constructor(
    private readonly contacts: ContactFacts,
    private readonly scripts: ScriptFacts,
  ) {}

  contactCount(campaignId: string): Promise<number> {
    return this.contacts.contactCount(campaignId);
  }

  hasInitialScript(campaignId: string): Promise<boolean> {
    return this.scripts.hasInitialScript(campaignId);
  }

  unknownMergeFields(campaignId: string): Promise<readonly string[]> {
    return this.scripts.unknownMergeFields(campaignId);
  }

  async of(campaignId: string): Promise<CampaignFacts> {
    const [contactCount, hasInitialScript, unknownMergeFields] = await Promise.all([
      this.contactCount(campaignId),
      this.hasInitialScript(campaignId),
      this.unknownMergeFields(campaignId),
    ]);
    return { contactCount, hasInitialScript, unknownMergeFields };
  }
}
