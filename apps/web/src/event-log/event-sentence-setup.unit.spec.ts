import type { EventLogEntry } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { describeEvent } from './event-sentence';
import { nameBookOf } from './name-book';

const maria = { id: 'p-maria', kind: 'person' as const, name: 'Maria' };
const names = nameBookOf([{ id: 'c1', name: 'GOTV Weekend' }], [{ id: 'p-sam', name: 'Sam' }]);
const event = (type: string, data: unknown, overrides: Partial<EventLogEntry> = {}): EventLogEntry => ({
  position: '1', id: 'e1', type, stream: 'x-1', revision: 0, actor: maria, time: '2025-03-01T10:00:00.000Z', data, ...overrides,
});
const say = (type: string, data: Record<string, unknown>) => {
  const sentence = describeEvent(event(type, data), names);
  expect(sentence.known, type).toBe(true);
  return sentence.text;
};

describe('sentences for campaign setup events', () => {
  it('scripts and canned responses, by the campaign’s name', () => {
    expect(say('InitialScriptRevised', { campaignId: 'c1', version: 3, variants: [{}, {}] })).toBe("Maria saved version 3 of GOTV Weekend's script (2 variants)");
    expect(say('InitialScriptRevised', { campaignId: 'c1', version: 1, variants: [{}] })).toBe("Maria saved version 1 of GOTV Weekend's script");
    expect(say('CannedResponseCreated', { campaignId: 'c1', title: 'Wrong number', body: 'Sorry!' })).toBe('Maria added the canned response “Wrong number” to GOTV Weekend');
    expect(say('CannedResponseEdited', { campaignId: 'c1', title: 'Wrong #', version: 2 })).toBe('Maria edited the canned response “Wrong #” in GOTV Weekend');
    expect(say('CannedResponseEdited', { campaignId: 'c1', body: 'x', version: 2 })).toBe('Maria edited a canned response in GOTV Weekend');
    expect(say('CannedResponsesReordered', { campaignId: 'c1', order: [] })).toBe("Maria reordered GOTV Weekend's canned responses");
    expect(say('CannedResponseDeleted', { campaignId: 'c1', responseId: 'r1' })).toBe('Maria deleted a canned response from GOTV Weekend');
  });

  it('tags, with their names and colours in words', () => {
    expect(say('TagCreated', { tagId: 't1', name: 'Wrong number', colour: 'red', group: 'Outcome' })).toBe('Maria created the tag “Wrong number” in Outcome');
    expect(say('TagCreated', { tagId: 't1', name: 'Host', colour: 'red' })).toBe('Maria created the tag “Host”');
    expect(say('TagRenamed', { tagId: 't1', from: 'Host', to: 'House party host' })).toBe('Maria renamed the tag “Host” to “House party host”');
    expect(say('TagRecoloured', { tagId: 't1', from: 'red', to: 'teal' })).toBe('Maria recoloured a tag from red to teal');
    expect(say('TagRegrouped', { tagId: 't1', from: 'Outcome', to: 'Volunteer interest' })).toBe('Maria moved a tag to Volunteer interest (was Outcome)');
    expect(say('TagRegrouped', { tagId: 't1', from: 'Outcome' })).toBe('Maria moved a tag out of its group (was Outcome)');
    expect(say('TagArchived', { tagId: 't1' })).toBe('Maria archived a tag');
    expect(say('CampaignTagsChosen', { campaignId: 'c1', tagIds: ['a', 'b'] })).toBe('Maria chose 2 tags for GOTV Weekend');
    expect(say('CampaignTagsChosen', { campaignId: 'c1', tagIds: [] })).toBe('Maria chose no tags for GOTV Weekend');
  });

  it('survey versions and the lifecycle', () => {
    expect(say('SurveyVersionSaved', { campaignId: 'c1', version: 2, questions: [{}, {}, {}] })).toBe("Maria saved version 2 of GOTV Weekend's survey (3 questions)");
    expect(say('CampaignLaunched', { campaignId: 'c1' })).toBe('Maria launched GOTV Weekend');
    expect(say('CampaignPaused', { campaignId: 'c1' })).toBe('Maria paused GOTV Weekend');
    expect(say('CampaignResumed', { campaignId: 'c1' })).toBe('Maria resumed GOTV Weekend');
    expect(say('CampaignArchived', { campaignId: 'c1', from: 'draft' })).toBe('Maria archived GOTV Weekend');
    expect(say('CampaignLaunched', { campaignId: 'unknown' })).toBe('Maria launched a campaign');
  });

  it('contact uploads, with counts', () => {
    expect(say('ContactUploadStarted', { campaignId: 'c1', fileName: 'voters.csv' })).toBe('Maria started uploading “voters.csv” to GOTV Weekend');
    expect(say('ContactsChunkAccepted', { campaignId: 'c1', chunk: 0, contacts: new Array(1000).fill({}) })).toBe('Maria uploaded 1,000 contacts to GOTV Weekend (part 1)');
    expect(say('ContactUploadCompleted', { campaignId: 'c1', counts: { rows: 1200, accepted: 1100 } })).toBe('Maria finished uploading contacts to GOTV Weekend: 1,100 accepted of 1,200 rows');
    expect(say('ContactUploadAbandoned', { campaignId: 'c1', reason: 'The file is not CSV' })).toBe('Maria abandoned an upload to GOTV Weekend: The file is not CSV');
  });

  it('opt-outs, one number or many, and how they came', () => {
    expect(say('PhonesOptedOut', { phones: ['+12125550101'], source: 'manual' })).toBe('Maria opted out +12125550101 by hand');
    expect(say('PhonesOptedOut', { phones: ['+1', '+2', '+3'], source: 'import' })).toBe('Maria opted out 3 phone numbers from an imported list');
    expect(say('PhoneOptedIn', { phone: '+12125550101', source: 'reply' })).toBe('Maria opted +12125550101 back in after their reply');
  });

  it('the account events are known too', () => {
    for (const type of ['EmailChanged', 'MemberRemoved', 'PasswordResetLinkIssued', 'PasswordReset', 'InviteLinkRenewed']) expect(describeEvent(event(type, { personId: 'p-sam' }), names).known).toBe(true);
  });
});
