import type { EventLogEntry } from '@textbank/contracts';
import { dataOf, text, type NameBook } from './name-book';

/** What an event says, as one sentence; `known` is false for types this page has no words for yet. */
export interface EventSentence {
  text: string;
  known: boolean;
}

/**
 * "Maria created GOTV Weekend", "Ana changed Sam's role from volunteer to admin".
 * Names come from the event, then the name book; never an id. New event types
 * keep arriving: those get their type in words and what they are about.
 */
export function describeEvent(entry: EventLogEntry, names: NameBook): EventSentence {
  const data = dataOf(entry);
  const who = actorName(entry, names);
  const person = () => names.people.get(text(data.personId) ?? '') ?? text(data.name) ?? 'someone';
  const campaign = () => names.campaigns.get(text(data.campaignId) ?? '') ?? text(data.name) ?? 'a campaign';
  const known = (sentence: string): EventSentence => ({ text: sentence, known: true });

  switch (entry.type) {
    case 'OrganizationCreated':
      return known(`${who} created the organization ${text(data.name) ?? ''}`.trimEnd());
    case 'PersonJoined': {
      const role = text(data.role);
      const as = role ? ` as ${withArticle(role)}` : '';
      return known(text(data.inviteId) ? `${person()} joined${as} through an invite` : `${person()} joined${as}, founding the organization`);
    }
    case 'RoleChanged':
      return known(`${who} changed ${possessive(person())} role from ${text(data.from) ?? 'unknown'} to ${text(data.to) ?? 'unknown'}`);
    case 'PersonSuspended':
      return known(`${who} suspended ${person()}`);
    case 'PersonReinstated':
      return known(`${who} reinstated ${person()}`);
    case 'MemberRemoved':
      return known(`${who} removed ${person()} from the organization`);
    case 'EmailChanged':
      return known(`${who} changed ${possessive(person())} email from ${text(data.from) ?? 'unknown'} to ${text(data.to) ?? 'unknown'}`);
    case 'PasswordResetLinkIssued':
      return known(`${who} made a password reset link for ${person()}`);
    case 'PasswordReset':
      return known(`${person()} reset their password`);
    case 'InviteLinkRenewed':
      return known(`${who} renewed an invite link`);
    case 'InviteCreated':
      return known(inviteSentence(who, data, names));
    case 'InviteRevoked':
      return known(`${who} revoked an invite`);
    case 'CampaignCreated':
      return known(`${who} created ${text(data.name) ?? 'a campaign'}`);
    case 'CampaignDetailsChanged':
      return known(`${who} changed ${possessive(campaign())} ${detailsChanged(data)}`);
    case 'InitialScriptRevised':
      return known(`${who} saved version ${num(data.version) ?? '?'} of ${possessive(campaign())} script${variantCount(data)}`);
    case 'CannedResponseCreated':
      return known(`${who} added the canned response “${text(data.title) ?? 'untitled'}” to ${campaign()}`);
    case 'CannedResponseEdited':
      return known(`${who} edited ${text(data.title) ? `the canned response “${text(data.title)}”` : 'a canned response'} in ${campaign()}`);
    case 'CannedResponsesReordered':
      return known(`${who} reordered ${possessive(campaign())} canned responses`);
    case 'CannedResponseDeleted':
      return known(`${who} deleted a canned response from ${campaign()}`);
    case 'TagCreated':
      return known(`${who} created the tag “${text(data.name) ?? 'unnamed'}”${text(data.group) ? ` in ${text(data.group)}` : ''}`);
    case 'TagRenamed':
      return known(`${who} renamed the tag “${text(data.from) ?? '?'}” to “${text(data.to) ?? '?'}”`);
    case 'TagRecoloured':
      return known(`${who} recoloured a tag from ${text(data.from) ?? '?'} to ${text(data.to) ?? '?'}`);
    case 'TagRegrouped':
      return known(`${who} moved a tag ${text(data.to) ? `to ${text(data.to)}` : 'out of its group'}${text(data.from) ? ` (was ${text(data.from)})` : ''}`);
    case 'TagArchived':
      return known(`${who} archived a tag`);
    case 'CampaignTagsChosen': {
      const count = Array.isArray(data.tagIds) ? data.tagIds.length : 0;
      return known(`${who} chose ${count === 0 ? 'no tags' : `${count} ${count === 1 ? 'tag' : 'tags'}`} for ${campaign()}`);
    }
    case 'SurveyVersionSaved': {
      const count = Array.isArray(data.questions) ? data.questions.length : 0;
      return known(`${who} saved version ${num(data.version) ?? '?'} of ${possessive(campaign())} survey (${count} ${count === 1 ? 'question' : 'questions'})`);
    }
    case 'CampaignLaunched':
      return known(`${who} launched ${campaign()}`);
    case 'CampaignPaused':
      return known(`${who} paused ${campaign()}`);
    case 'CampaignResumed':
      return known(`${who} resumed ${campaign()}`);
    case 'CampaignArchived':
      return known(`${who} archived ${campaign()}`);
    case 'ContactUploadStarted':
      return known(`${who} started uploading ${text(data.fileName) ? `“${text(data.fileName)}”` : 'contacts'} to ${campaign()}`);
    case 'ContactsChunkAccepted': {
      const count = Array.isArray(data.contacts) ? data.contacts.length : 0;
      return known(`${who} uploaded ${count.toLocaleString('en-US')} ${count === 1 ? 'contact' : 'contacts'} to ${campaign()} (part ${(num(data.chunk) ?? 0) + 1})`);
    }
    case 'ContactUploadCompleted':
      return known(`${who} finished uploading contacts to ${campaign()}${uploadCounts(data)}`);
    case 'ContactUploadAbandoned':
      return known(`${who} abandoned an upload to ${campaign()}${text(data.reason) ? `: ${text(data.reason)}` : ''}`);
    case 'PhonesOptedOut': {
      const count = Array.isArray(data.phones) ? data.phones.length : 0;
      const one = count === 1 && typeof (data.phones as unknown[])[0] === 'string' ? (data.phones as string[])[0] : null;
      return known(`${who} opted out ${one ?? `${count.toLocaleString('en-US')} phone numbers`}${optOutSource(data.source)}`);
    }
    case 'PhoneOptedIn':
      return known(`${who} opted ${text(data.phone) ?? 'a phone number'} back in${optOutSource(data.source)}`);
    case '$metadata':
      return known(`${who} changed how long ${aboutStream(entry.stream.replace(/^\$\$/, ''), names)} keeps its events`);
    default:
      return { text: `${who}: ${typeInWords(entry.type)} (${aboutStream(entry.stream, names)})`, known: false };
  }
}

/** Who did it: the name the server sent, else the name book's, else a role-free word. */
export function actorName(entry: EventLogEntry, names: NameBook): string {
  if (entry.actor === null || entry.actor.kind === 'system') return 'Textbank';
  return entry.actor.name ?? names.people.get(entry.actor.id) ?? 'Someone';
}

/** "ContactsAssigned" → "Contacts assigned". */
export function typeInWords(type: string): string {
  const words = type.replace(/^\$+/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}` : type;
}

/** What a stream is about, by name: "GOTV Weekend", "Sam Texter", "an invite". */
export function aboutStream(stream: string, names: NameBook): string {
  const [category, ...rest] = stream.split('-');
  const id = rest.join('-');
  if (category === 'campaign') return names.campaigns.get(id) ?? 'a campaign';
  if (category === 'person') return names.people.get(id) ?? 'a person';
  if (category === 'invite') return 'an invite';
  if (category === 'organization') return 'the organization';
  return stream;
}

function inviteSentence(who: string, data: Record<string, unknown>, names: NameBook): string {
  if (data.kind === 'named') return `${who} invited ${text(data.email) ?? 'someone'} as ${withArticle(text(data.role) ?? 'member')}`;
  const campaignId = text(data.campaignId);
  const forCampaign = campaignId ? ` for ${names.campaigns.get(campaignId) ?? 'a campaign'}` : '';
  const limit = typeof data.maxUses === 'number' ? ` (up to ${data.maxUses} ${data.maxUses === 1 ? 'person' : 'people'})` : '';
  return `${who} created a volunteer link${forCampaign}${limit}`;
}

function detailsChanged(data: Record<string, unknown>): string {
  const parts: string[] = [];
  if (text(data.name)) parts.push(`name to “${text(data.name)}”`);
  if (typeof data.description === 'string') parts.push('description');
  const hours = data.textingHours as { start?: unknown; end?: unknown } | undefined;
  if (hours && typeof hours.start === 'string' && typeof hours.end === 'string') parts.push(`texting hours to ${hours.start}–${hours.end}`);
  if (parts.length === 0) return 'details';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function variantCount(data: Record<string, unknown>): string {
  const count = Array.isArray(data.variants) ? data.variants.length : 0;
  return count > 1 ? ` (${count} variants)` : '';
}

function uploadCounts(data: Record<string, unknown>): string {
  const counts = data.counts as Record<string, unknown> | undefined;
  const accepted = num(counts?.accepted);
  if (accepted === null) return '';
  const rows = num(counts?.rows);
  const of = rows === null ? '' : ` of ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`;
  return `: ${accepted.toLocaleString('en-US')} accepted${of}`;
}

const SOURCE_WORDS: Readonly<Record<string, string>> = { import: ' from an imported list', manual: ' by hand', reply: ' after their reply', carrier: ' on the carrier’s word' };
const optOutSource = (source: unknown) => (typeof source === 'string' ? (SOURCE_WORDS[source] ?? '') : '');
