import type { ReviseScriptRequest, ScriptView } from '@textbank/contracts';

/** Each initial text goes out as one of these, assigned evenly (see the contracts' ReviseScriptRequest). */
export const MAX_VARIANTS = 5;

/** One variant as typed. `key` tells the editor's boxes apart; `variantId` is the server's, absent until saved. */
export interface VariantDraft {
  key: string;
  variantId?: string;
  body: string;
}

let keys = 0;
const nextKey = () => `variant-${++keys}`;

/** The drafts an editor starts from: the saved variants, or one empty box before the first save. */
export function draftsOf(script: ScriptView): VariantDraft[] {
  if (script.variants.length === 0) return [{ key: nextKey(), body: '' }];
  return script.variants.map((variant) => ({ key: nextKey(), variantId: variant.variantId, body: variant.body }));
}

export function addVariant(drafts: readonly VariantDraft[]): VariantDraft[] {
  return drafts.length >= MAX_VARIANTS ? [...drafts] : [...drafts, { key: nextKey(), body: '' }];
}

/** A script keeps at least one variant. */
export function removeVariant(drafts: readonly VariantDraft[], key: string): VariantDraft[] {
  return drafts.length <= 1 ? [...drafts] : drafts.filter((draft) => draft.key !== key);
}

/** Whether the drafts say something other than the saved script. */
export function draftsDiffer(drafts: readonly VariantDraft[], script: ScriptView): boolean {
  const saved = script.variants.length === 0 ? [{ variantId: undefined, body: '' }] : script.variants;
  return drafts.length !== saved.length || drafts.some((draft, i) => draft.body !== saved[i]!.body || draft.variantId !== saved[i]!.variantId);
}

/**
 * The save, against the revision the edit started from. A variant someone
 * else removed meanwhile is saved as a new one (its old id would be refused).
 */
export function reviseRequest(drafts: readonly VariantDraft[], baseRevision: number, current: ScriptView): ReviseScriptRequest {
  const known = new Set(current.variants.map((variant) => variant.variantId));
  return {
    expectedRevision: baseRevision,
    variants: drafts.map((draft) => (draft.variantId && known.has(draft.variantId) ? { variantId: draft.variantId, body: draft.body } : { body: draft.body })),
  };
}

/** A merge field put where the cursor is (replacing any selection); answers the text and where the cursor goes next. */
export function insertField(body: string, selectionStart: number, selectionEnd: number, field: string): { body: string; cursor: number } {
  const start = Math.max(0, Math.min(selectionStart, body.length));
  const end = Math.max(start, Math.min(selectionEnd, body.length));
  const inserted = `{${field}}`;
  return { body: body.slice(0, start) + inserted + body.slice(end), cursor: start + inserted.length };
}

/** Which variant a 400's issue path is about ('variants.1.body' → 1), or null for the form as a whole. */
export function variantIndexOf(path: string): number | null {
  const match = /^variants\.(\d+)(\.|$)/.exec(path);
  return match ? Number(match[1]) : null;
}
