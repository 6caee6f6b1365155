import type { DomainEvent } from '../shared/decider.js';

/** A saved reply volunteers pick with one click; it joins the end of the list. `version` counts its edits from 1. */
export type CannedResponseCreated = DomainEvent<
  'CannedResponseCreated',
  { campaignId: string; responseId: string; title: string; body: string; version: number; createdAt: string }
>;

/** Only the fields that changed are present. */
export type CannedResponseEdited = DomainEvent<
  'CannedResponseEdited',
  { campaignId: string; responseId: string; version: number; title?: string; body?: string; editedAt: string }
>;

/** The whole list in its new order. */
export type CannedResponsesReordered = DomainEvent<'CannedResponsesReordered', { campaignId: string; order: string[]; reorderedAt: string }>;

export type CannedResponseDeleted = DomainEvent<'CannedResponseDeleted', { campaignId: string; responseId: string; deletedAt: string }>;

export type CannedResponseEvent = CannedResponseCreated | CannedResponseEdited | CannedResponsesReordered | CannedResponseDeleted;

/** One stream per campaign: the order is a rule over the whole list. */
export const cannedResponsesStream = (campaignId: string) => `campaign-responses-${campaignId}`;
