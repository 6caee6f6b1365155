import { NotFoundException } from '@nestjs/common';
import type { CampaignView } from '@textbank/contracts';
import { findCampaign } from '@textbank/projections';
import type Database from 'better-sqlite3';

/** The campaign a route names, or the 404 every campaign route answers for an unknown one. */
export function campaignOrNotFound(readModels: Database.Database, campaignId: string): CampaignView {
  const campaign = findCampaign(readModels, campaignId);
  if (!campaign) throw new NotFoundException(`No campaign ${campaignId}`);
  return campaign;
}
