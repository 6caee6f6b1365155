import type { EventLogEntry } from '@textbank/contracts';
import { describe, expect, it } from 'vitest';
import { aboutStream, describeEvent, typeInWords } from './event-sentence';
import { learnNames, nameBookOf, NO_NAMES } from './name-book';

const maria = { id: 'p-maria', kind: 'person' as const, name: 'Maria' };
const ana = { id: 'p-ana', kind: 'person' as const, name: 'Ana' };
const names = nameBookOf([{ id: 'c1', name: 'GOTV Weekend' }], [{ id: 'p-sam', name: 'Sam' }, { id: 'p-ana', name: 'Ana' }]);

const event = (type: string, data: unknown, overrides: Partial<EventLogEntry> = {}): EventLogEntry => ({
  position: '1', id: 'e1', type, stream: 'x-1', revision: 0, actor: maria, time: '2025-03-01T10:00:00.000Z', data, ...overrides,
});
const say = (entry: EventLogEntry) => describeEvent(entry, names).text;

describe('describeEvent', () => {
  it('says who created which campaign', () => {
    expect(say(event('CampaignCreated', { campaignId: 'c2', name: 'Spring drive' }))).toBe('Maria created Spring drive');
  });

  it("names both people and both roles in a role change", () => {
    expect(say(event('RoleChanged', { personId: 'p-sam', from: 'volunteer', to: 'admin' }, { actor: ana }))).toBe("Ana changed Sam's role from volunteer to admin");
  });

  it('names the person suspended and reinstated, and the actor from the name book when the server sent no name', () => {
    expect(say(event('PersonSuspended', { personId: 'p-sam' }, { actor: { id: 'p-ana', kind: 'person' } }))).toBe('Ana suspended Sam');
    expect(say(event('PersonReinstated', { personId: 'p-sam' }))).toBe('Maria reinstated Sam');
  });

  it('tells the founder from someone joining through an invite', () => {
    expect(say(event('PersonJoined', { personId: 'p-maria', name: 'Maria', role: 'owner' }))).toBe('Maria joined as an owner, founding the organization');
    expect(say(event('PersonJoined', { personId: 'p-jo', name: 'Jo', role: 'volunteer', inviteId: 'i1' }))).toBe('Jo joined as a volunteer through an invite');
  });

  it('says what a campaign edit changed, by the campaign’s name', () => {
    expect(say(event('CampaignDetailsChanged', { campaignId: 'c1', textingHours: { start: '10:00', end: '20:00' }, description: 'x' }))).toBe(
      "Maria changed GOTV Weekend's description and texting hours to 10:00–20:00",
    );
    expect(say(event('CampaignDetailsChanged', { campaignId: 'c1', name: 'GOTV Weekend 2' }))).toBe("Maria changed GOTV Weekend's name to “GOTV Weekend 2”");
  });

  it('describes links and named invites, with the campaign a link is for', () => {
    expect(say(event('InviteCreated', { kind: 'volunteer', campaignId: 'c1', maxUses: 50 }))).toBe('Maria created a volunteer link for GOTV Weekend (up to 50 people)');
    expect(say(event('InviteCreated', { kind: 'named', role: 'auditor', email: 'aud@example.org' }))).toBe('Maria invited aud@example.org as an auditor');
    expect(say(event('InviteRevoked', { inviteId: 'i1' }))).toBe('Maria revoked an invite');
  });

  it('covers the roster and account events: removal, email change, password resets, renewed links', () => {
    expect(say(event('MemberRemoved', { personId: 'p-sam' }))).toBe('Maria removed Sam from the organization');
    expect(say(event('EmailChanged', { personId: 'p-sam', from: 'a@x.org', to: 'b@x.org' }))).toBe("Maria changed Sam's email from a@x.org to b@x.org");
    expect(say(event('PasswordResetLinkIssued', { personId: 'p-sam' }))).toBe('Maria made a password reset link for Sam');
    expect(say(event('PasswordReset', { personId: 'p-sam' }, { actor: null }))).toBe('Sam reset their password');
    expect(say(event('InviteLinkRenewed', { inviteId: 'i1' }))).toBe('Maria renewed an invite link');
  });

  it('never shows an id: unknown names become words', () => {
    const text = say(event('RoleChanged', { personId: 'p-unknown', from: 'volunteer', to: 'auditor' }, { actor: { id: 'p-x', kind: 'person' } }));
    expect(text).toBe("Someone changed someone's role from volunteer to auditor");
    expect(say(event('CampaignCreated', {}, { actor: null }))).toBe('Textbank created a campaign');
  });

  it('still says something for event types it does not know: the type in words and what it is about', () => {
    const sentence = describeEvent(event('ContactsAssigned', { count: 3 }, { stream: 'campaign-c1' }), names);
    expect(sentence).toEqual({ text: 'Maria: Contacts assigned (GOTV Weekend)', known: false });
    expect(describeEvent(event('Weird', 'not an object', { stream: 'thing-1' }), NO_NAMES).text).toBe('Maria: Weird (thing-1)');
  });
});

describe('names', () => {
  it('learns new campaigns, renames and newcomers from events as they arrive', () => {
    let book = learnNames(NO_NAMES, event('CampaignCreated', { campaignId: 'c9', name: 'Night shift' }));
    expect(aboutStream('campaign-c9', book)).toBe('Night shift');
    book = learnNames(book, event('CampaignDetailsChanged', { campaignId: 'c9', name: 'Day shift' }));
    expect(book.campaigns.get('c9')).toBe('Day shift');
    book = learnNames(book, event('PersonJoined', { personId: 'p9', name: 'Jo' }));
    expect(aboutStream('person-p9', book)).toBe('Jo');
    expect(learnNames(book, event('PersonSuspended', { personId: 'p9' }))).toBe(book);
  });

  it('puts event types into words', () => {
    expect(typeInWords('CampaignDetailsChanged')).toBe('Campaign details changed');
    expect(typeInWords('$metadata')).toBe('Metadata');
  });
});
