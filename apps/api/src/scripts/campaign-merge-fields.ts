import { Inject, Injectable } from '@nestjs/common';
import { allowedMergeFields } from '@textbank/message-text';
import { customFieldsOf } from '@textbank/projections';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../infrastructure/tokens.js';

/**
 * The merge fields a campaign's texts may use: the built-ins and the custom
 * fields of its completed contact uploads (their mapped columns, from the
 * contacts read model). Asked at every save, so a field is known once its
 * upload completed.
 */
@Injectable()
export class CampaignMergeFields {
  constructor(@Inject(READ_MODEL_DB) private readonly readModels: Database.Database) {}

  customFields(campaignId: string): readonly string[] {
    return customFieldsOf(this.readModels, campaignId);
  }

  allowed(campaignId: string): string[] {
    return allowedMergeFields(this.customFields(campaignId));
  }
}
