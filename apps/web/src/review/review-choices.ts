import type { ConversationView, PersonView, SurveyQuestion, TagView } from '@textbank/contracts';
import { NOBODY } from './review-filter';

/** One option of a filter's select. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * Whose conversations to list: anyone, nobody (the admin queue), then every
 * member who may hold conversations by name, suspended ones too (they may
 * still hold some). A texter from a shared link who is not in the list stays selectable.
 */
export function texterOptions(people: readonly PersonView[], chosen: string): Choice[] {
  const holders = people
    .filter((person) => person.role !== 'auditor')
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((person) => ({ value: person.id, label: person.status === 'active' ? person.name : `${person.name} (${person.status})` }));
  const unknown = chosen && chosen !== NOBODY && !holders.some((option) => option.value === chosen) ? [{ value: chosen, label: 'Someone not in the list' }] : [];
  return [{ value: '', label: 'Anyone' }, { value: NOBODY, label: 'Nobody (admin queue)' }, ...holders, ...unknown];
}

/** The tags the campaign offers (an archived one says so); a tag from a shared link the campaign no longer offers stays selectable. */
export function tagOptions(offered: readonly TagView[], known: ReadonlyMap<string, TagView>, chosen: string): Choice[] {
  const options = offered.map((tag) => ({ value: tag.id, label: tag.archived ? `${tag.name} (archived)` : tag.name }));
  if (chosen && !options.some((option) => option.value === chosen)) options.push({ value: chosen, label: known.get(chosen)?.name ?? 'A tag not offered here' });
  return [{ value: '', label: 'Any tag' }, ...options];
}

export interface AnswerGroup {
  question: string;
  options: Choice[];
}

/** Each survey question with its answers, as option groups; values are "question:answer" (see answerChoice). */
export function answerGroups(questions: readonly SurveyQuestion[]): AnswerGroup[] {
  return questions.map((question) => ({
    question: question.text,
    options: question.answers.map((answer) => ({ value: `${question.id}:${answer.id}`, label: answer.label })),
  }));
}

/** Who holds a conversation, in words. */
export function holderName(texterId: string | null, names: ReadonlyMap<string, string>): string {
  if (texterId === null) return 'Nobody';
  return names.get(texterId) ?? 'Someone no longer listed';
}

/** The newest text, for a reader who is not the texter: theirs as they wrote it, ours after the sender's name (the inbox says "You"). */
export function lastMessageLine(conversation: ConversationView, names: ReadonlyMap<string, string>): string {
  const last = conversation.lastMessage;
  if (!last) return 'Not texted yet';
  const text = last.body.replace(/\s+/g, ' ').trim();
  if (last.direction === 'in') return text;
  return `${last.texterId ? (names.get(last.texterId) ?? 'Texter') : 'Texter'}: ${text}`;
}
