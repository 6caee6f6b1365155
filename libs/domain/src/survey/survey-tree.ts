import { tagNameKey } from '../tag/tag-name.js';
import type { SurveyQuestion } from './survey-events.js';

export const SURVEY_LIMITS = { questions: 50, answersPerQuestion: 10, depth: 10 } as const;

/** What is wrong with a survey, and where (`questions.2.answers.0.next`): the editor shows it on that field. */
export interface SurveyProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * A survey is a forest of questions: an answer may lead to a follow-up, and
 * two answers may share one ("yes" and "maybe" both ask "when?"), but no path
 * may come back to a question already asked, dangle, or run deeper than
 * SURVEY_LIMITS.depth questions. Tags applied must be among `chosenTagIds`.
 */
export function surveyProblem(questions: readonly SurveyQuestion[], chosenTagIds: readonly string[]): SurveyProblem | undefined {
  if (questions.length > SURVEY_LIMITS.questions) return { field: 'questions', message: `A survey has at most ${SURVEY_LIMITS.questions} questions` };
  const indexOf = new Map<string, number>();
  for (const [i, question] of questions.entries()) {
    if (indexOf.has(question.id)) return { field: `questions.${i}.id`, message: `Question id ${question.id} is used twice` };
    indexOf.set(question.id, i);
  }
  const chosen = new Set(chosenTagIds);
  for (const [i, question] of questions.entries()) {
    const problem = answersProblem(question, i, indexOf, chosen);
    if (problem) return problem;
  }
  return shapeProblem(questions, indexOf);
}

function answersProblem(question: SurveyQuestion, i: number, indexOf: ReadonlyMap<string, number>, chosen: ReadonlySet<string>): SurveyProblem | undefined {
  const at = `questions.${i}.answers`;
  if (question.answers.length === 0) return { field: at, message: 'A question needs at least one answer' };
  if (question.answers.length > SURVEY_LIMITS.answersPerQuestion) return { field: at, message: `A question has at most ${SURVEY_LIMITS.answersPerQuestion} answers` };
  const ids = new Set<string>();
  const labels = new Set<string>();
  for (const [j, answer] of question.answers.entries()) {
    if (ids.has(answer.id)) return { field: `${at}.${j}.id`, message: `Answer id ${answer.id} is used twice in this question` };
    ids.add(answer.id);
    // Texters pick by label: two alike would be a coin toss.
    const label = tagNameKey(answer.label);
    if (labels.has(label)) return { field: `${at}.${j}.label`, message: `“${answer.label}” is already an answer to this question` };
    labels.add(label);
    if (answer.next !== undefined && !indexOf.has(answer.next)) return { field: `${at}.${j}.next`, message: `There is no question ${answer.next} to follow up with` };
    if (answer.next === question.id) return { field: `${at}.${j}.next`, message: 'An answer cannot lead back to its own question' };
    if (answer.tagId !== undefined && !chosen.has(answer.tagId)) return { field: `${at}.${j}.tagId`, message: 'The tag is not one this campaign offers: choose it for the campaign first' };
  }
  return undefined;
}

/** Depth-first from every question: a question met again on the path is a cycle; the longest path is the depth. */
function shapeProblem(questions: readonly SurveyQuestion[], indexOf: ReadonlyMap<string, number>): SurveyProblem | undefined {
  const depthOf = new Map<number, number>();
  const onPath = new Set<number>();
  let problem: SurveyProblem | undefined;
  const visit = (i: number): number => {
    const known = depthOf.get(i);
    if (known !== undefined) return known;
    onPath.add(i);
    let deepest = 0;
    for (const [j, answer] of questions[i]!.answers.entries()) {
      if (problem || answer.next === undefined) continue;
      const next = indexOf.get(answer.next)!;
      if (onPath.has(next)) {
        problem = { field: `questions.${i}.answers.${j}.next`, message: `This follow-up leads back to question ${answer.next}, which was already asked: a survey cannot go round in circles` };
        continue;
      }
      deepest = Math.max(deepest, visit(next));
    }
    onPath.delete(i);
    depthOf.set(i, deepest + 1);
    return deepest + 1;
  };
  for (let i = 0; i < questions.length; i++) {
    const depth = visit(i);
    if (problem) return problem;
    if (depth > SURVEY_LIMITS.depth) {
      return { field: `questions.${i}`, message: `Follow-ups from this question go ${depth} questions deep; at most ${SURVEY_LIMITS.depth}` };
    }
  }
  return undefined;
}
