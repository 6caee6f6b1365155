import { byText } from '../tables/table-view';
import { aboutStream } from './event-sentence';
import type { NameBook } from './name-book';

export interface SubjectOption {
  /** The API's stream filter: one stream, or a category prefix ending in '-'. */
  value: string;
  label: string;
}

export interface SubjectGroup {
  label: string;
  options: SubjectOption[];
}

const KINDS: SubjectOption[] = [
  { value: 'campaign-', label: 'Any campaign' },
  { value: 'person-', label: 'Any person' },
  { value: 'invite-', label: 'Any invite' },
  { value: 'organization-', label: 'The organization' },
];

/**
 * What the log can be narrowed to, picked by name: a kind of thing, one
 * campaign, or one person (what happened to them). A stream from a shared
 * link that is not in the lists stays pickable, labelled as well as known.
 */
export function subjectGroups(names: NameBook, current: string): SubjectGroup[] {
  const byLabel = (a: SubjectOption, b: SubjectOption) => byText(a.label, b.label);
  const campaigns = [...names.campaigns].map(([id, name]) => ({ value: `campaign-${id}`, label: name })).sort(byLabel);
  const people = [...names.people].map(([id, name]) => ({ value: `person-${id}`, label: name })).sort(byLabel);
  const groups: SubjectGroup[] = [
    { label: 'Kinds', options: KINDS },
    { label: 'Campaigns', options: campaigns },
    { label: 'People', options: people },
  ];
  const listed = groups.some((group) => group.options.some((option) => option.value === current));
  if (current && !listed) groups.unshift({ label: 'From the link', options: [{ value: current, label: subjectLabel(current, names) }] });
  return groups.filter((group) => group.options.length > 0);
}

/** A stream filter in words: "GOTV Weekend", "Any campaign", "invite 0b8a…". */
export function subjectLabel(stream: string, names: NameBook): string {
  const kind = KINDS.find((option) => option.value === stream);
  if (kind) return kind.label;
  const about = aboutStream(stream, names);
  return about === 'a campaign' || about === 'a person' || about === 'an invite' ? `${about.replace(/^an? /, '')} ${stream.slice(stream.indexOf('-') + 1, stream.indexOf('-') + 9)}…` : about;
}
