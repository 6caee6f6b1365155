import { Inject, Injectable } from '@nestjs/common';
import { checkMergeFields } from '@textbank/message-text';
import { contactCount, findScript } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';
import { CampaignMergeFields } from '../scripts/campaign-merge-fields.js';
import { ContactFacts, ScriptFacts } from './launch-facts.js';

/** Contacts visible in the campaign: those of completed uploads. */
@Injectable()
export class ContactsReadModelFacts extends ContactFacts {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: Database.Database) {
    super();
  }

  contactCount(campaignId: string): Promise<number> {
    return Promise.resolve(contactCount(this.readModels, campaignId));
  }
}

/**
 * The current initial script, and the merge fields it uses that the
 * campaign's contacts do not have (scripts are checked when saved, but an
 * upload's fields are what they were: this catches a script saved against
 * fields that are no longer there).
 */
@Injectable()
export class ScriptReadModelFacts extends ScriptFacts {
  constructor(
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    private readonly mergeFields: CampaignMergeFields,
  ) {
    super();
  }

  hasInitialScript(campaignId: string): Promise<boolean> {
    return Promise.resolve(findScript(this.readModels, campaignId).variants.length > 0);
  }

  unknownMergeFields(campaignId: string): Promise<readonly string[]> {
    const allowed = this.mergeFields.allowed(campaignId);
    const unknown = findScript(this.readModels, campaignId).variants.flatMap((variant) => checkMergeFields(variant.body, allowed).unknown.map((field) => field.name));
    return Promise.resolve([...new Set(unknown)]);
  }
}
