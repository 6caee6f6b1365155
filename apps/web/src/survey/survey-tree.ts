import type { SaveSurveyRequest, SurveyAnswer, SurveyQuestion } from '@textbank/contracts';

/** The server refuses more (SaveSurveyRequest). */
export const MAX_QUESTIONS = 50;
export const MAX_ANSWERS = 10;

/** A fresh id the survey does not use yet: q1, q2… and a1, a2…; ids are kept across versions so answers count together. */
export function freshId(prefix: 'q' | 'a', questions: readonly SurveyQuestion[]): string {
  const used = new Set(questions.flatMap((question) => [question.id, ...question.answers.map((answer) => answer.id)]));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

const blankQuestion = (questions: readonly SurveyQuestion[]): SurveyQuestion => {
  const id = freshId('q', questions);
  const answerId = freshId('a', [...questions, { id, text: '', answers: [] }]);
  return { id, text: '', answers: [{ id: answerId, label: '' }] };
};

export function addQuestion(questions: readonly SurveyQuestion[]): SurveyQuestion[] {
  return [...questions, blankQuestion(questions)];
}

/** A new question that this answer leads to, placed after the question asking it. */
export function addFollowUp(questions: readonly SurveyQuestion[], questionId: string, answerId: string): { questions: SurveyQuestion[]; added: string } {
  const followUp = blankQuestion(questions);
  const at = questions.findIndex((question) => question.id === questionId);
  const linked = questions.map((question) =>
    question.id !== questionId ? question : { ...question, answers: question.answers.map((answer) => (answer.id === answerId ? { ...answer, next: followUp.id } : answer)) },
  );
  return { questions: [...linked.slice(0, at + 1), followUp, ...linked.slice(at + 1)], added: followUp.id };
}

/** Removes a question; answers that led to it lead nowhere now (the server refuses a follow-up to a missing question). */
export function removeQuestion(questions: readonly SurveyQuestion[], questionId: string): SurveyQuestion[] {
  return questions
    .filter((question) => question.id !== questionId)
    .map((question) => ({ ...question, answers: question.answers.map((answer) => (answer.next === questionId ? withoutKey(answer, 'next') : answer)) }));
}

export function addAnswer(questions: readonly SurveyQuestion[], questionId: string): SurveyQuestion[] {
  const id = freshId('a', questions);
  return questions.map((question) => (question.id === questionId && question.answers.length < MAX_ANSWERS ? { ...question, answers: [...question.answers, { id, label: '' }] } : question));
}

/** A question keeps at least one answer. */
export function removeAnswer(questions: readonly SurveyQuestion[], questionId: string, answerId: string): SurveyQuestion[] {
  return questions.map((question) =>
    question.id === questionId && question.answers.length > 1 ? { ...question, answers: question.answers.filter((answer) => answer.id !== answerId) } : question,
  );
}

export interface PlacedQuestion {
  question: SurveyQuestion;
  /** Its number in the list, from 1, as error messages name it. */
  number: number;
  /** 0 for a question a conversation starts with; 1 for a follow-up to one of its answers, and so on. */
  depth: number;
  /** The question and answer that lead here, for a follow-up. */
  after: { question: SurveyQuestion; answer: SurveyAnswer } | null;
}

/**
 * The tree as it reads: each starting question followed by its follow-ups,
 * depth first. A question several answers lead to is shown under the first;
 * questions only reachable through a cycle come last (saving will say why).
 */
export function treeOrder(questions: readonly SurveyQuestion[]): PlacedQuestion[] {
  const byId = new Map(questions.map((question, index) => [question.id, { question, number: index + 1 }]));
  const led = new Set(questions.flatMap((question) => question.answers.flatMap((answer) => (answer.next ? [answer.next] : []))));
  const placed: PlacedQuestion[] = [];
  const seen = new Set<string>();
  const visit = (question: SurveyQuestion, depth: number, after: PlacedQuestion['after']) => {
    if (seen.has(question.id)) return;
    seen.add(question.id);
    placed.push({ question, number: byId.get(question.id)!.number, depth, after });
    for (const answer of question.answers) {
      const next = answer.next ? byId.get(answer.next) : undefined;
      if (next) visit(next.question, depth + 1, { question, answer });
    }
  };
  for (const question of questions) if (!led.has(question.id)) visit(question, 0, null);
  for (const question of questions) visit(question, 0, null);
  return placed;
}

/** Optional links left empty are left out: '' is not an id. */
export function saveRequest(questions: readonly SurveyQuestion[], expectedRevision: number): SaveSurveyRequest {
  return {
    expectedRevision,
    questions: questions.map((question) => ({
      id: question.id,
      text: question.text.trim(),
      answers: question.answers.map((answer) => ({
        id: answer.id,
        label: answer.label.trim(),
        ...(answer.next ? { next: answer.next } : {}),
        ...(answer.cannedResponseId ? { cannedResponseId: answer.cannedResponseId } : {}),
        ...(answer.tagId ? { tagId: answer.tagId } : {}),
      })),
    })),
  };
}

export const sameQuestions = (a: readonly SurveyQuestion[], b: readonly SurveyQuestion[]) => JSON.stringify(saveRequest(a, 0)) === JSON.stringify(saveRequest(b, 0));

const FIELD_WORDS: Readonly<Record<string, string>> = { text: 'the question', label: 'the answer', next: 'the follow-up', cannedResponseId: 'the suggested response', tagId: 'the tag', answers: 'the answers', id: 'the id' };

/**
 * A server issue in words, naming the question and answer by number and text:
 * 'questions.0.answers.1.next' → 'Question 1 (“Will you vote?”), answer 2 (“Yes”), the follow-up: …'.
 */
export function issueInWords(issue: { path: string; message: string }, questions: readonly SurveyQuestion[]): string {
  const match = /^questions\.(\d+)(?:\.answers\.(\d+))?(?:\.(\w+))?/.exec(issue.path);
  if (!match) return issue.path && issue.path !== 'questions' ? `${issue.path}: ${issue.message}` : sentence(issue.message);
  const question = questions[Number(match[1])];
  const parts = [`Question ${Number(match[1]) + 1}${question?.text.trim() ? ` (“${question.text.trim()}”)` : ''}`];
  if (match[2] !== undefined) {
    const answer = question?.answers[Number(match[2])];
    parts.push(`answer ${Number(match[2]) + 1}${answer?.label.trim() ? ` (“${answer.label.trim()}”)` : ''}`);
  }
  const field = match[3] ? FIELD_WORDS[match[3]] : undefined;
  if (field && !(match[3] === 'answers' && match[2] !== undefined)) parts.push(field);
  return `${parts.join(', ')}: ${issue.message}`;
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}
