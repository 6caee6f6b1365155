import type { Rejection } from '../shared/decider.js';

/** A text may be at most this long, in SMS segments (GSM-7: 1,530 characters; UCS-2: 670): longer texts cost too much and read badly. */
export const MAX_TEXT_SEGMENTS = 10;

/**
 * What the caller measured in a text a volunteer will send (the API does it
 * with libs/message-text): the domain keeps the rules, not the parser, so it
 * stays free of packages. Offsets are UTF-16, `end` exclusive.
 */
export interface TextFacts {
  readonly mergeFields: readonly { readonly name: string; readonly start: number; readonly end: number }[];
  readonly braceMistakes: readonly { readonly start: number; readonly end: number; readonly message: string }[];
  readonly segments: number;
}

const where = (span: { start: number; end: number }) => `at characters ${span.start + 1}-${span.end}`;

/**
 * An unknown merge field is an error when the text is saved, not a blank at
 * send time; `allowed` is the built-ins plus the campaign's custom fields.
 */
export function textProblem(facts: TextFacts, allowed: readonly string[], field: string): Rejection | undefined {
  const mistake = facts.braceMistakes[0];
  if (mistake) return { code: 'invalid', field, message: `${mistake.message} (${where(mistake)})` };
  const unknown = facts.mergeFields.find((use) => !allowed.includes(use.name));
  if (unknown) {
    const known = allowed.map((name) => `{${name}}`).join(', ');
    return { code: 'invalid', field, message: `Unknown merge field {${unknown.name}} ${where(unknown)}; this campaign has ${known}` };
  }
  if (facts.segments > MAX_TEXT_SEGMENTS) {
    return { code: 'invalid', field, message: `Too long: ${facts.segments} SMS segments, at most ${MAX_TEXT_SEGMENTS}` };
  }
  return undefined;
}

/** The campaign a script or response belongs to, as the handler found it. */
export type CampaignStanding = 'none' | 'draft' | 'active' | 'paused' | 'archived';

export function campaignProblem(standing: CampaignStanding): Rejection | undefined {
  if (standing === 'none') return { code: 'not_found', message: 'No such campaign' };
  // An archived campaign is a record of what was sent: its texts stay as they were.
  if (standing === 'archived') return { code: 'conflict', message: "An archived campaign's texts cannot change" };
  return undefined;
}
