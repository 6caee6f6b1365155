import { Injectable } from '@nestjs/common';
import type { CampaignFacts } from '@textbank/domain';

/**
 * How many contacts a campaign has (visible ones: from completed uploads).
 * The default knows of none; the contacts feature provides the real one in
 * campaign-lifecycle.module.ts.
 */
export abstract class ContactFacts {
  abstract contactCount(campaignId: string): Promise<number>;
}

/**
 * Whether the campaign has an initial script, and which merge fields its
 * scripts use that no contact column provides. The default knows of no
 * script; the scripts feature provides the real one in campaign-lifecycle.module.ts.
 */
export abstract class ScriptFacts {
  abstract hasInitialScript(campaignId: string): Promise<boolean>;
  abstract unknownMergeFields(campaignId: string): Promise<readonly string[]>;
}

/** Honest defaults: with nothing known, a launch is refused for want of contacts and a script. */
@Injectable()
export class NoContactsYet extends ContactFacts {
  contactCount(): Promise<number> {
    return Promise.resolve(0);
  }
}

@Injectable()
export class NoScriptYet extends ScriptFacts {
  hasInitialScript(): Promise<boolean> {
    return Promise.resolve(false);
  }
  unknownMergeFields(): Promise<readonly string[]> {
    return Promise.resolve([]);
  }
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
