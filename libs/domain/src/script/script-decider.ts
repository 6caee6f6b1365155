import { accept, assertNever, reject, type Decider, type Decision } from '../shared/decider.js';
import type { ScriptEvent, ScriptVariant } from './script-events.js';
import { campaignProblem, textProblem, type CampaignStanding, type TextFacts } from './script-text-rules.js';

export const MAX_SCRIPT_VARIANTS = 5;

export interface ReviseInitialScript {
  readonly type: 'ReviseInitialScript';
  readonly campaignId: string;
  readonly campaign: CampaignStanding;
  /** The built-in merge fields and the campaign's custom fields. */
  readonly allowedMergeFields: readonly string[];
  /** A variant keeps its id across versions; one without an id is new and takes the next of `newVariantIds`. */
  readonly variants: readonly ({ readonly variantId?: string; readonly body: string } & TextFacts)[];
  readonly newVariantIds: readonly string[];
  readonly now: string;
}

export type ScriptCommand = ReviseInitialScript;

export interface ScriptState {
  readonly version: number;
  readonly variants: readonly ScriptVariant[];
}

const sameVariants = (a: readonly ScriptVariant[], b: readonly ScriptVariant[]) =>
  a.length === b.length && a.every((v, i) => v.variantId === b[i]!.variantId && v.body === b[i]!.body);

function revise(command: ReviseInitialScript, state: ScriptState): Decision<ScriptEvent> {
  const campaign = campaignProblem(command.campaign);
  if (campaign) return { ok: false, rejection: campaign };
  const count = command.variants.length;
  if (count < 1 || count > MAX_SCRIPT_VARIANTS) return reject('invalid', `A script has 1 to ${MAX_SCRIPT_VARIANTS} variants`, 'variants');
  const current = new Set(state.variants.map((v) => v.variantId));
  const fresh = [...command.newVariantIds];
  const variants: ScriptVariant[] = [];
  for (const [index, variant] of command.variants.entries()) {
    const field = `variants.${index}`;
    if (variant.variantId !== undefined && !current.has(variant.variantId)) {
      return reject('invalid', `Variant ${variant.variantId} is not in the current script; leave the id out for a new variant`, `${field}.variantId`);
    }
    const variantId = variant.variantId ?? fresh.shift();
    if (variantId === undefined) throw new Error('ReviseInitialScript needs a new id for every new variant');
    if (variants.some((v) => v.variantId === variantId)) return reject('invalid', `Variant ${variantId} appears twice`, `${field}.variantId`);
    const problem = textProblem(variant, command.allowedMergeFields, `${field}.body`);
    if (problem) return { ok: false, rejection: problem };
    variants.push({ variantId, body: variant.body });
  }
  if (sameVariants(variants, state.variants)) return accept();
  return accept({ type: 'InitialScriptRevised', data: { campaignId: command.campaignId, version: state.version + 1, variants, revisedAt: command.now } });
}

/** A campaign's initial script: versioned, never overwritten in place. */
export const scriptDecider: Decider<ScriptCommand, ScriptEvent, ScriptState> = {
  initialState: () => ({ version: 0, variants: [] }),

  decide(command, state) {
    switch (command.type) {
      case 'ReviseInitialScript':
        return revise(command, state);
      default:
        return assertNever(command.type);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'InitialScriptRevised':
        return { version: event.data.version, variants: event.data.variants };
      default:
        return assertNever(event.type);
    }
  },
};
