import { describe, expect, it } from 'vitest';
import { aConversation } from '../inbox/inbox-test-data';
import { campaignWork, textingCampaigns } from './texting-campaigns';

describe('textingCampaigns', () => {
  it('groups a texter’s conversations by campaign, counting what waits on them', () => {
    const campaigns = textingCampaigns([
      aConversation({ contactId: 'a', campaignId: 'c2', status: 'needs_reply' }),
      aConversation({ contactId: 'b', campaignId: 'c1', status: 'needs_first_text' }),
      aConversation({ contactId: 'c', campaignId: 'c2', status: 'needs_first_text' }),
      aConversation({ contactId: 'd', campaignId: 'c1', status: 'waiting' }),
    ]);
    expect(campaigns).toEqual([
      { campaignId: 'c2', toText: 1, needsReply: 1 },
      { campaignId: 'c1', toText: 1, needsReply: 0 },
    ]);
  });

  it('says the work in words', () => {
    expect(campaignWork({ campaignId: 'c', toText: 48, needsReply: 2 })).toBe('48 to text · 2 need a reply');
    expect(campaignWork({ campaignId: 'c', toText: 0, needsReply: 1 })).toBe('1 needs a reply');
    expect(campaignWork({ campaignId: 'c', toText: 0, needsReply: 0 })).toBe('All texted: ask for more');
  });
});
