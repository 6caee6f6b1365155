import { Injectable } from '@nestjs/common';
import { allowedMergeFields } from '@textbank/message-text';

/**
 * The merge fields a campaign's texts may use: the built-ins and the custom
 * fields of its contact uploads. The contacts read model fills `customFields`
 * (its mapped columns); until then a campaign has none, so only the
 * built-ins pass. Asked at every save, so a field is known once its upload completed.
 */
@Injectable()
export class CampaignMergeFields {
  customFields(_campaignId: string): readonly string[] {
    return [];
  }

  allowed(campaignId: string): string[] {
    return allowedMergeFields(this.customFields(campaignId));
  }
}
