import type { DomainEvent } from '../shared/decider.js';

/** `colour`: a name from the fixed palette in libs/contracts (`TAG_PALETTE`); `group`: optional heading ("Outcome"). */
export type TagCreated = DomainEvent<
  'TagCreated',
  { tagId: string; organizationId: string; name: string; colour: string; group?: string; createdAt: string }
>;

export type TagRenamed = DomainEvent<'TagRenamed', { tagId: string; from: string; to: string; renamedAt: string }>;

export type TagRecoloured = DomainEvent<'TagRecoloured', { tagId: string; from: string; to: string; recolouredAt: string }>;

/** `to` absent: the tag left its group. */
export type TagRegrouped = DomainEvent<'TagRegrouped', { tagId: string; from?: string; to?: string; regroupedAt: string }>;

/** Never deleted: conversations keep pointing at it; it is no longer offered, and its name is free again. */
export type TagArchived = DomainEvent<'TagArchived', { tagId: string; archivedAt: string }>;

export type TagEvent = TagCreated | TagRenamed | TagRecoloured | TagRegrouped | TagArchived;

/** All of an organization's tags in one stream: names are unique among them, decided where that is consistent. */
export const tagsStream = (organizationId: string) => `tags-${organizationId}`;
