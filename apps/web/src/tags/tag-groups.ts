import { TAG_PALETTE, type TagColour, type TagView } from '@textbank/contracts';

export interface TagGroup {
  /** '' for tags in no group, listed last as "Other". */
  name: string;
  tags: TagView[];
}

/** Active tags under their group headings, groups and tags by name; ungrouped last. */
export function groupTags(tags: readonly TagView[]): TagGroup[] {
  const groups = new Map<string, TagView[]>();
  for (const tag of tags) {
    const key = tag.group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), tag]);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : byName(a, b)))
    .map(([name, list]) => ({ name, tags: [...list].sort((x, y) => byName(x.name, y.name)) }));
}

/** A live change: the tag as it is now, unless what is shown is already newer. */
export function upsertTag(tags: readonly TagView[], tag: TagView): TagView[] {
  const at = tags.findIndex((t) => t.id === tag.id);
  if (at === -1) return [...tags, tag];
  if (tags[at]!.revision >= tag.revision) return [...tags];
  return tags.map((t, i) => (i === at ? tag : t));
}

/** The groups already in use, for the group box's suggestions. */
export function groupNames(tags: readonly TagView[]): string[] {
  return [...new Set(tags.flatMap((tag) => (tag.group && !tag.archived ? [tag.group] : [])))].sort((a, b) => a.localeCompare(b));
}

export const PALETTE_COLOURS = Object.keys(TAG_PALETTE) as TagColour[];
export const colourOf = (colour: TagColour) => TAG_PALETTE[colour];
export const colourName = (colour: TagColour) => `${colour.charAt(0).toUpperCase()}${colour.slice(1)}`;

/** What an edit changes, against the tag as it was when the edit began; null when nothing changed. */
export function tagChanges(
  before: Pick<TagView, 'name' | 'colour' | 'group'>,
  after: { name: string; colour: TagColour; group: string },
): { name?: string; colour?: TagColour; group?: string | null } | null {
  const changes: { name?: string; colour?: TagColour; group?: string | null } = {};
  if (after.name.trim() !== before.name) changes.name = after.name.trim();
  if (after.colour !== before.colour) changes.colour = after.colour;
  const group = after.group.trim() || null;
  if (group !== before.group) changes.group = group;
  return Object.keys(changes).length ? changes : null;
}
