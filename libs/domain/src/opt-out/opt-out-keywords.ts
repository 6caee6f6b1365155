/**
 * What an inbound text means for consent. A keyword counts only when it is
 * the whole message ("STOP", "stop!!", "STOP 🛑"), as carriers read it: in a
 * sentence ("don't stop", "I will cancel my plans") it is just a word.
 * Sentences that ask to be left alone are flagged for the texter, who opts the
 * contact out with one click; they never opt out on their own.
 */
export type InboundClassification =
  | { readonly kind: 'opt_out' }
  | { readonly kind: 'opt_in' }
  | { readonly kind: 'possible_opt_out'; readonly phrase: string }
  | { readonly kind: 'message' };

/** CTIA / Twilio opt-out keywords, in their normalised form (lower case, words split by one space). */
export const OPT_OUT_KEYWORDS = ['stop', 'stopall', 'stop all', 'unsubscribe', 'cancel', 'end', 'quit', 'revoke', 'optout', 'opt out'] as const;

/** Re-opts in. YES is deliberately absent: it answers survey questions too. */
export const OPT_IN_KEYWORDS = ['start', 'unstop'] as const;

/**
 * Free-text revocations: matched as whole words anywhere in the message, any
 * case, with or without apostrophes ("dont text" = "don't text"). A match only
 * flags the conversation, so a phrase may be broad ("please stop") at the cost
 * of a rare false flag ("please stop by"), never a wrongful opt-out. The
 * longest phrase at the earliest position is the one reported.
 */
export const REVOCATION_PHRASES = [
  'remove me',
  'remove my number',
  'take me off',
  'take my number off',
  'unsubscribe',
  'unsubscribe me',
  'opt me out',
  'opt out',
  'wrong number',
  'wrong person',
  'not my number',
  'stop texting',
  'stop text',
  'stop messaging',
  'stop sending',
  'stop contacting',
  'stop bothering',
  'stop spamming',
  'quit texting',
  'do not text',
  "don't text",
  'do not message',
  "don't message",
  'do not contact',
  "don't contact",
  'never text',
  'no more texts',
  'no more messages',
  'leave me alone',
  'who gave you my number',
  'how did you get my number',
  'lose my number',
  'delete my number',
  'please stop',
  'stop please',
] as const;

export function classifyInbound(body: string): InboundClassification {
  const words = wordsOf(body);
  if (ONLY_OPT_OUT_KEYWORDS.test(words)) return { kind: 'opt_out' };
  if (ONLY_OPT_IN_KEYWORDS.test(words)) return { kind: 'opt_in' };
  const found = REVOCATION.exec(words);
  if (found) return { kind: 'possible_opt_out', phrase: REVOCATIONS_LONGEST_FIRST[found.slice(1).findIndex((group) => group !== undefined)]! };
  return { kind: 'message' };
}

// zero-width space / non-joiner / joiner, word joiner, BOM, soft hyphen, Mongolian vowel separator: invisible, so "ST\u200BOP" is STOP
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u180E]/gu;
const APOSTROPHES = /['\u2018\u2019\u02BC\u0060\u00B4]/gu;
// punctuation, spaces, emoji and their modifiers all separate words
const NOT_A_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * The message as lower-case words split by single spaces: NFKC folds
 * full-width and styled letters ("ＳＴＯＰ", "𝐒𝐓𝐎𝐏") into plain ones. Every step
 * is one linear pass, so a 10,000-character body takes a millisecond or so.
 */
function wordsOf(body: string): string {
  return body.normalize('NFKC').replace(INVISIBLE, '').replace(APOSTROPHES, '').toLowerCase().replace(NOT_A_WORD, ' ').trim();
}

/** Normalised like a message, so the lists may be written the way people type them. */
const alternation = (phrases: readonly string[]) =>
  [...phrases]
    .map(wordsOf)
    .sort((a, b) => b.length - a.length) // longest first: "stop all" before "stop"
    .join('|');

// "STOP STOP" and "Stop, unsubscribe!" are as clear as "STOP" alone
const onlyKeywords = (keywords: readonly string[]) => new RegExp(`^(?:${alternation(keywords)})(?: (?:${alternation(keywords)}))*$`, 'u');
const ONLY_OPT_OUT_KEYWORDS = onlyKeywords(OPT_OUT_KEYWORDS);
const ONLY_OPT_IN_KEYWORDS = onlyKeywords(OPT_IN_KEYWORDS);

// one capture group per phrase, so the group that matched names it; at one position the
// regex tries alternatives in order, so the longest phrase comes first ("unsubscribe me", not "unsubscribe")
const REVOCATIONS_LONGEST_FIRST = [...REVOCATION_PHRASES].sort((a, b) => wordsOf(b).length - wordsOf(a).length);
const REVOCATION = new RegExp(`(?:^| )(?:${REVOCATIONS_LONGEST_FIRST.map((phrase) => `(${wordsOf(phrase)})`).join('|')})(?= |$)`, 'u');
