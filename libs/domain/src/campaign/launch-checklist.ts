import type { TextingHours } from './campaign-events.js';

/** What launching depends on outside the campaign's own stream, gathered by the caller just before deciding. */
export interface CampaignFacts {
  readonly contactCount: number;
  readonly hasInitialScript: boolean;
  /** Merge fields the initial scripts use that no contact column provides (`firstName` for `{firstName}`). */
  readonly unknownMergeFields: readonly string[];
}

export type ChecklistItemName = 'contacts' | 'initialScript' | 'mergeFields' | 'textingHours';

export interface ChecklistItem {
  readonly item: ChecklistItemName;
  readonly ready: boolean;
  /** For the admin: what is there, or what is missing. */
  readonly message: string;
}

/** The widest window US federal rules allow, in the contact's local time; states may be stricter. */
export const FEDERAL_TEXTING_WINDOW: TextingHours = { start: '08:00', end: '21:00' };

const withinFederalWindow = ({ start, end }: TextingHours) => start < end && start >= FEDERAL_TEXTING_WINDOW.start && end <= FEDERAL_TEXTING_WINDOW.end;

/** Every item, ready or not, in the order an admin would fix them. */
export function launchChecklist(facts: CampaignFacts, textingHours: TextingHours): ChecklistItem[] {
  const count = facts.contactCount;
  const unknown = facts.unknownMergeFields;
  return [
    { item: 'contacts', ready: count > 0, message: count > 0 ? `${count} ${count === 1 ? 'contact' : 'contacts'}` : 'No contacts yet: upload a list' },
    { item: 'initialScript', ready: facts.hasInitialScript, message: facts.hasInitialScript ? 'An initial script is written' : 'No initial script yet: write what to say first' },
    {
      item: 'mergeFields',
      ready: unknown.length === 0,
      message: unknown.length === 0 ? 'Every merge field is known' : `The script uses merge fields no contact has: ${unknown.map((f) => `{${f}}`).join(', ')}`,
    },
    {
      item: 'textingHours',
      ready: withinFederalWindow(textingHours),
      message: withinFederalWindow(textingHours)
        ? `Texting hours ${textingHours.start}–${textingHours.end} in each contact's time`
        : `Texting hours ${textingHours.start}–${textingHours.end} must lie within ${FEDERAL_TEXTING_WINDOW.start}–${FEDERAL_TEXTING_WINDOW.end}, the widest window US rules allow`,
    },
  ];
}

/** The refusal's message: everything missing, in one sentence per item. */
export const missingFrom = (checklist: readonly ChecklistItem[]) =>
  checklist
    .filter((item) => !item.ready)
    .map((item) => item.message)
    .join('; ');
