import type { ConversationView } from '@textbank/contracts';

/** One campaign a texter holds conversations in, with what is waiting on them there. */
export interface TextingCampaign {
  campaignId: string;
  toText: number;
  needsReply: number;
}

/** The campaigns of a texter's conversations, in the order their latest change came (the inbox's order). */
export function textingCampaigns(conversations: readonly ConversationView[]): TextingCampaign[] {
  const byCampaign = new Map<string, TextingCampaign>();
  for (const conversation of conversations) {
    const campaign = byCampaign.get(conversation.campaignId) ?? { campaignId: conversation.campaignId, toText: 0, needsReply: 0 };
    if (conversation.status === 'needs_first_text') campaign.toText += 1;
    if (conversation.status === 'needs_reply') campaign.needsReply += 1;
    byCampaign.set(conversation.campaignId, campaign);
  }
  return [...byCampaign.values()];
}

/** "48 to text · 2 need a reply", or what is left when both are done. */
export function campaignWork(campaign: TextingCampaign): string {
  const parts = [];
  if (campaign.toText > 0) parts.push(`${campaign.toText} to text`);
  if (campaign.needsReply > 0) parts.push(`${campaign.needsReply} ${campaign.needsReply === 1 ? 'needs' : 'need'} a reply`);
  return parts.length > 0 ? parts.join(' · ') : 'All texted: ask for more';
}
