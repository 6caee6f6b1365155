import { accept, assertNever, reject, type Decider, type Decision } from '../shared/decider.js';
import type { TagEvent } from './tag-events.js';
import { tagNameKey } from './tag-name.js';

export interface CreateTag {
  readonly type: 'CreateTag';
  readonly tagId: string;
  readonly organizationId: string;
  readonly name: string;
  readonly colour: string;
  readonly group?: string;
  readonly now: string;
}

/** Only what is given changes; `group: null` takes the tag out of its group. */
export interface ChangeTag {
  readonly type: 'ChangeTag';
  readonly tagId: string;
  readonly name?: string;
  readonly colour?: string;
  readonly group?: string | null;
  /** The tag's own version the editor saw: editing one tag never conflicts with edits to another. */
  readonly expectedVersion?: number;
  readonly now: string;
}

export interface ArchiveTag {
  readonly type: 'ArchiveTag';
  readonly tagId: string;
  readonly expectedVersion?: number;
  readonly now: string;
}

export type TagCommand = CreateTag | ChangeTag | ArchiveTag;

/** `version` counts the tag's events (0 as created), like a stream revision of its own. */
export interface TagRecord {
  readonly name: string;
  readonly colour: string;
  readonly group?: string;
  readonly archived: boolean;
  readonly version: number;
}

export interface TagsState {
  readonly tags: ReadonlyMap<string, TagRecord>;
  /** Folded name → tag id, for tags in use (not archived): the uniqueness rule is checked here. */
  readonly namesInUse: ReadonlyMap<string, string>;
}

/** Tags offered at once; an organization with more has a naming problem, and every decision folds them all. */
export const MAX_TAGS_IN_USE = 500;

function nameTaken(state: TagsState, name: string, exceptTagId?: string): Decision<never> | undefined {
  const holder = state.namesInUse.get(tagNameKey(name));
  if (holder === undefined || holder === exceptTagId) return undefined;
  return reject('conflict', `There is already a tag named “${state.tags.get(holder)?.name ?? name}”`, 'name');
}

function decideChange(command: ChangeTag, tag: TagRecord, state: TagsState): Decision<TagEvent> {
  const { tagId, now } = command;
  const events: TagEvent[] = [];
  if (command.name !== undefined && command.name !== tag.name) {
    const taken = nameTaken(state, command.name, tagId);
    if (taken) return taken;
    events.push({ type: 'TagRenamed', data: { tagId, from: tag.name, to: command.name, renamedAt: now } });
  }
  if (command.colour !== undefined && command.colour !== tag.colour) {
    events.push({ type: 'TagRecoloured', data: { tagId, from: tag.colour, to: command.colour, recolouredAt: now } });
  }
  const group = command.group === null ? undefined : command.group;
  if (command.group !== undefined && group !== tag.group) {
    events.push({ type: 'TagRegrouped', data: { tagId, ...(tag.group !== undefined && { from: tag.group }), ...(group !== undefined && { to: group }), regroupedAt: now } });
  }
  return accept(...events);
}

const withTag = (state: TagsState, tagId: string, update: (tag: TagRecord) => TagRecord): TagsState => {
  const current = state.tags.get(tagId);
  if (!current) return state;
  const next = update(current);
  const namesInUse = new Map(state.namesInUse);
  if (!current.archived) namesInUse.delete(tagNameKey(current.name));
  if (!next.archived) namesInUse.set(tagNameKey(next.name), tagId);
  return { tags: new Map(state.tags).set(tagId, { ...next, version: current.version + 1 }), namesInUse };
};

/** The organization's tags: one stream, so "one tag per name" is decided on everything that could break it. */
export const tagsDecider: Decider<TagCommand, TagEvent, TagsState> = {
  initialState: () => ({ tags: new Map(), namesInUse: new Map() }),

  decide(command, state) {
    if (command.type === 'CreateTag') {
      if (state.tags.has(command.tagId)) return reject('conflict', 'The tag already exists');
      const taken = nameTaken(state, command.name);
      if (taken) return taken;
      if (state.namesInUse.size >= MAX_TAGS_IN_USE) return reject('conflict', `An organization may have at most ${MAX_TAGS_IN_USE} tags in use: archive some first`);
      const { tagId, organizationId, name, colour, group, now } = command;
      return accept({ type: 'TagCreated', data: { tagId, organizationId, name, colour, ...(group !== undefined && { group }), createdAt: now } });
    }
    const tag = state.tags.get(command.tagId);
    if (!tag) return reject('not_found', 'No such tag');
    if (command.expectedVersion !== undefined && command.expectedVersion !== tag.version) {
      return reject('conflict', `Expected revision ${command.expectedVersion}, but it is at ${tag.version}: someone else changed it first`, 'expectedRevision');
    }
    switch (command.type) {
      case 'ChangeTag':
        // Archived tags stay as they were when conversations got them.
        if (tag.archived) return reject('conflict', 'An archived tag cannot change');
        return decideChange(command, tag, state);
      case 'ArchiveTag':
        if (tag.archived) return accept();
        return accept({ type: 'TagArchived', data: { tagId: command.tagId, archivedAt: command.now } });
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'TagCreated': {
        const { tagId, name, colour, group } = event.data;
        const tag: TagRecord = { name, colour, ...(group !== undefined && { group }), archived: false, version: 0 };
        return { tags: new Map(state.tags).set(tagId, tag), namesInUse: new Map(state.namesInUse).set(tagNameKey(name), tagId) };
      }
      case 'TagRenamed':
        return withTag(state, event.data.tagId, (tag) => ({ ...tag, name: event.data.to }));
      case 'TagRecoloured':
        return withTag(state, event.data.tagId, (tag) => ({ ...tag, colour: event.data.to }));
      case 'TagRegrouped':
        return withTag(state, event.data.tagId, ({ group: _old, ...tag }) => ({ ...tag, ...(event.data.to !== undefined && { group: event.data.to }) }));
      case 'TagArchived':
        return withTag(state, event.data.tagId, (tag) => ({ ...tag, archived: true }));
      default:
        return assertNever(event);
    }
  },
};
