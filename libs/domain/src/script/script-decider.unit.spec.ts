import { describe, it } from 'vitest';
import { specify } from '../shared/given-when-then.spec-helpers.js';
import { scriptDecider, type ReviseInitialScript } from './script-decider.js';
import type { InitialScriptRevised } from './script-events.js';
import type { TextFacts } from './script-text-rules.js';

const now = '2026-11-28T12:00:00.000Z';
const allowed = ['firstName', 'lastName', 'texterFirstName', 'polling_place'];
const plain: TextFacts = { mergeFields: [], braceMistakes: [], segments: 1 };
const spec = specify(scriptDecider);

const revise = (variants: ReviseInitialScript['variants'], extra: Partial<ReviseInitialScript> = {}): ReviseInitialScript => ({
  type: 'ReviseInitialScript',
  campaignId: 'c1',
  campaign: 'draft',
  allowedMergeFields: allowed,
  variants,
  newVariantIds: ['v-new-1', 'v-new-2', 'v-new-3', 'v-new-4', 'v-new-5'],
  now,
  ...extra,
});
const revised = (version: number, variants: Array<[string, string]>): InitialScriptRevised => ({
  type: 'InitialScriptRevised',
  data: { campaignId: 'c1', version, variants: variants.map(([variantId, body]) => ({ variantId, body })), revisedAt: now },
});
const firstName: TextFacts = { ...plain, mergeFields: [{ name: 'firstName', start: 3, end: 14 }] };

describe('initial script decider', () => {
  it('saves the first version, giving new variants their ids', () => {
    spec
      .given([])
      .when(revise([{ body: 'Hi {firstName}', ...firstName }, { body: 'Hello!', ...plain }]))
      .then([revised(1, [['v-new-1', 'Hi {firstName}'], ['v-new-2', 'Hello!']])]);
  });

  it('saves each change as the next version, keeping the ids of variants it keeps', () => {
    spec
      .given([revised(1, [['a', 'Hi'], ['b', 'Hello']])])
      .when(revise([{ variantId: 'b', body: 'Hello there', ...plain }, { body: 'Hey', ...plain }]))
      .then([revised(2, [['b', 'Hello there'], ['v-new-1', 'Hey']])]);
  });

  it('records nothing when nothing changed', () => {
    spec
      .given([revised(1, [['a', 'Hi']]), revised(2, [['a', 'Hi there']])])
      .when(revise([{ variantId: 'a', body: 'Hi there', ...plain }]))
      .then([]);
  });

  it.each([
    ['no variant', [], 'variants', /1 to 5/],
    ['six variants', Array.from({ length: 6 }, () => ({ body: 'Hi', ...plain })), 'variants', /1 to 5/],
    ['an unknown merge field', [{ body: 'Hi {zip}', ...plain, mergeFields: [{ name: 'zip', start: 3, end: 8 }] }], 'variants.0.body', /Unknown merge field \{zip\} at characters 4-8/],
    ['a field known in another case only', [{ body: 'ok', ...plain }, { body: '{FirstName}', ...plain, mergeFields: [{ name: 'FirstName', start: 0, end: 11 }] }], 'variants.1.body', /\{FirstName\}/],
    ['a brace mistake', [{ body: 'Hi {first name}', ...plain, braceMistakes: [{ start: 3, end: 15, message: 'not a merge field' }] }], 'variants.0.body', /not a merge field \(at characters 4-15\)/],
    ['eleven segments', [{ body: 'long', ...plain, segments: 11 }], 'variants.0.body', /11 SMS segments, at most 10/],
    ['a variant id not in the script', [{ variantId: 'zzz', body: 'Hi', ...plain }], 'variants.0.variantId', /not in the current script/],
  ] as const)('refuses %s, naming the field', (_name, variants, field, message) => {
    spec.given([revised(1, [['a', 'Hi']])]).when(revise(variants)).thenRejects('invalid', message);
    // The field travels with the rejection, for the 400's issues.
    const decision = scriptDecider.decide(revise(variants), scriptDecider.evolve(scriptDecider.initialState(), revised(1, [['a', 'Hi']])));
    if (decision.ok || decision.rejection.field !== field) throw new Error(`expected field ${field}, got ${JSON.stringify(decision)}`);
  });

  it('accepts exactly ten segments and five variants', () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ body: `V${i}`, ...plain, segments: 10 }));
    spec.given([]).when(revise(five)).then([revised(1, five.map((v, i) => [`v-new-${i + 1}`, v.body] as [string, string]))]);
  });

  it('refuses the same variant twice', () => {
    spec
      .given([revised(1, [['a', 'Hi']])])
      .when(revise([{ variantId: 'a', body: 'One', ...plain }, { variantId: 'a', body: 'Two', ...plain }]))
      .thenRejects('invalid', /appears twice/);
  });

  it('needs the campaign, and leaves an archived one as it was', () => {
    spec.given([]).when(revise([{ body: 'Hi', ...plain }], { campaign: 'none' })).thenRejects('not_found');
    spec.given([]).when(revise([{ body: 'Hi', ...plain }], { campaign: 'archived' })).thenRejects('conflict', /archived/);
    spec.given([]).when(revise([{ body: 'Hi', ...plain }], { campaign: 'active' })).then([revised(1, [['v-new-1', 'Hi']])]);
  });
});
