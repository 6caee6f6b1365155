import type { ChecklistItem } from '@textbank/contracts';

/** The campaign page's sections, by their `data-section`, so the checklist can take people to what fixes an item. */
export type CampaignSection = 'details' | 'contacts' | 'script' | 'responses' | 'tags' | 'survey' | 'lifecycle';

interface ItemWords {
  label: string;
  /** Where to fix it, as a link's words and the section it goes to. */
  fix: string;
  section: CampaignSection;
}

const WORDS: Readonly<Record<ChecklistItem['item'], ItemWords>> = {
  contacts: { label: 'Contacts', fix: 'Upload contacts', section: 'contacts' },
  initialScript: { label: 'Initial script', fix: 'Write the script', section: 'script' },
  mergeFields: { label: 'Merge fields', fix: 'Fix the script', section: 'script' },
  textingHours: { label: 'Texting hours', fix: 'Set texting hours', section: 'details' },
};

export interface ChecklistLine {
  item: ChecklistItem['item'];
  ready: boolean;
  label: string;
  /** The server's own sentence for the item. */
  message: string;
  /** Only for what is missing. */
  fix: { words: string; section: CampaignSection } | null;
}

/** Each item in words, with the section that fixes what is missing (the hash is the route, so the page scrolls there rather than linking). */
export function checklistLines(items: readonly ChecklistItem[]): ChecklistLine[] {
  return items.map((item) => {
    const words = WORDS[item.item];
    return {
      item: item.item,
      ready: item.ready,
      label: words.label,
      message: item.message,
      fix: item.ready ? null : { words: words.fix, section: words.section },
    };
  });
}

/** "2 things missing", for the checklist's summary line. */
export function missingSummary(items: readonly ChecklistItem[]): string {
  const missing = items.filter((item) => !item.ready).length;
  if (missing === 0) return 'Ready to launch.';
  return `Not ready to launch: ${missing} ${missing === 1 ? 'thing' : 'things'} missing.`;
}

/** Scrolls to a section of the campaign page and puts the keyboard on its heading; false when the page has no such section. */
export function goToSection(section: CampaignSection): boolean {
  const element = document.querySelector<HTMLElement>(`[data-section="${section}"]`);
  if (!element) return false;
  element.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const heading = element.querySelector<HTMLElement>('h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  return true;
}
