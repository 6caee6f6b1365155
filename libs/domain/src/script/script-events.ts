import type { DomainEvent } from '../shared/decider.js';

export interface ScriptVariant {
  readonly variantId: string;
  readonly body: string;
}

/**
 * A new version of a campaign's initial script: all its variants (1-5), as
 * they read from now on. Versions count from 1; earlier ones stay in the log,
 * so a sent text can name the version and variant it was rendered from.
 */
export type InitialScriptRevised = DomainEvent<
  'InitialScriptRevised',
  { campaignId: string; version: number; variants: ScriptVariant[]; revisedAt: string }
>;

export type ScriptEvent = InitialScriptRevised;

/** Its own stream, not the campaign's: script edits never contend with lifecycle changes. */
export const campaignScriptStream = (campaignId: string) => `campaign-script-${campaignId}`;
