import type { CannedResponseView, ConversationView, SurveyQuestion } from '@textbank/contracts';

/** One question as the thread shows it, with the answer recorded for it (if any). */
export interface SurveyStep {
  question: SurveyQuestion;
  chosenId: string | null;
}

/**
 * The questions to show for a conversation, in the order a texter meets them:
 * each starting question (one no answer leads to), then, after a recorded
 * answer that leads somewhere, its follow-up, and so on. Answers recorded for
 * questions off that path (the survey changed, or an answer changed since)
 * are shown after it, so nothing recorded is hidden.
 */
export function surveyPath(questions: readonly SurveyQuestion[], answers: ConversationView['answers']): SurveyStep[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const chosen = new Map(answers.map((a) => [a.questionId, a.answerId]));
  const followUps = new Set(questions.flatMap((q) => q.answers.flatMap((a) => (a.next ? [a.next] : []))));
  const steps: SurveyStep[] = [];
  const shown = new Set<string>();
  for (const root of questions.filter((q) => !followUps.has(q.id))) {
    // The server refuses cycles; `shown` stops one in a tree that arrives broken anyway.
    for (let question: SurveyQuestion | undefined = root; question && !shown.has(question.id); question = followUp(question, chosen, byId)) {
      shown.add(question.id);
      steps.push({ question, chosenId: chosen.get(question.id) ?? null });
    }
  }
  for (const question of questions) if (!shown.has(question.id) && chosen.has(question.id)) steps.push({ question, chosenId: chosen.get(question.id)! });
  return steps;
}

function followUp(question: SurveyQuestion, chosen: ReadonlyMap<string, string>, byId: ReadonlyMap<string, SurveyQuestion>): SurveyQuestion | undefined {
  const next = question.answers.find((a) => a.id === chosen.get(question.id))?.next;
  return next === undefined ? undefined : byId.get(next);
}

/** The canned response the latest answer on the path suggests, if the campaign still has it. */
export function suggestedResponse(steps: readonly SurveyStep[], responses: readonly CannedResponseView[]): CannedResponseView | undefined {
  for (const step of [...steps].reverse()) {
    const answer = step.question.answers.find((a) => a.id === step.chosenId);
    if (!answer) continue;
    return answer.cannedResponseId ? responses.find((r) => r.responseId === answer.cannedResponseId) : undefined;
  }
  return undefined;
}
