/** What a simulated contact answers, by kind; the app's inbox, opt-out and tagging all get something to do. */
export type ReplyCategory = 'yes' | 'no' | 'question' | 'stop' | 'wrongNumber';

export type ReplyWeights = Readonly<Record<ReplyCategory, number>>;

/**
 * Relative weights. With the default reply rate (0.3) a STOP share of 0.1
 * opts out about 3% of texted contacts, in the range real P2P campaigns see.
 */
export const DEFAULT_REPLY_WEIGHTS: ReplyWeights = { yes: 0.35, no: 0.3, question: 0.2, stop: 0.1, wrongNumber: 0.05 };

export const SIMULATED_REPLIES: Readonly<Record<ReplyCategory, readonly string[]>> = {
  yes: ['Yes! Count me in', 'yes', "Sure, I'll be there", 'Absolutely 👍'],
  no: ['no thanks', 'Not interested', 'No'],
  question: ['Who is this?', 'Where do I vote?', 'What time do the polls close?'],
  stop: ['STOP', 'stop', 'Stop.'],
  wrongNumber: ['wrong number, stop texting me', 'Wrong number', "You have the wrong number, I'm not them"],
};

export const REPLY_CATEGORIES = Object.keys(SIMULATED_REPLIES) as readonly ReplyCategory[];
