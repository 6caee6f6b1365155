import { REVIEW_VIEWS, type InboxView } from '../inbox/inbox-views';

/** Who holds the conversations message review lists: '' anyone, 'none' nobody (the admin queue), else a person's id. */
export const NOBODY = 'none';

/** Message review's filters as they appear in the URL; '' means "any". */
export interface ReviewFilter {
  view: InboxView;
  search: string;
  texterId: string;
  tagId: string;
  /** Set together or not at all: the API refuses one without the other (400). */
  questionId: string;
  answerId: string;
  errorCode: string;
}

export const NO_REVIEW_FILTER: ReviewFilter = { view: 'all', search: '', texterId: '', tagId: '', questionId: '', answerId: '', errorCode: '' };

/** The API's length limits (InboxQuery): a longer value from a hand-edited link would make it answer 400. */
const LIMITS = { search: 100, texterId: 100, tagId: 100, questionId: 40, answerId: 40, errorCode: 40 } as const;

/** The filter a link asks for; an unknown view shows all, half a survey answer is dropped. */
export function readReviewFilter(params: URLSearchParams): ReviewFilter {
  const text = (key: keyof typeof LIMITS) => (params.get(key) ?? '').trim().slice(0, LIMITS[key]);
  const [questionId, answerId] = [text('questionId'), text('answerId')];
  const answered = questionId !== '' && answerId !== '';
  return {
    view: REVIEW_VIEWS.find((view) => view === params.get('view')) ?? 'all',
    search: params.get('search')?.slice(0, LIMITS.search) ?? '',
    texterId: text('texterId'),
    tagId: text('tagId'),
    questionId: answered ? questionId : '',
    answerId: answered ? answerId : '',
    errorCode: text('errorCode'),
  };
}

/** The URL's query values, in a fixed order; '' (and the default view) are left out by the route. */
export function reviewQuery(filter: ReviewFilter): Record<string, string> {
  return {
    view: filter.view === 'all' ? '' : filter.view,
    search: filter.search,
    texterId: filter.texterId,
    tagId: filter.tagId,
    questionId: filter.questionId && filter.answerId ? filter.questionId : '',
    answerId: filter.questionId && filter.answerId ? filter.answerId : '',
    errorCode: filter.errorCode,
  };
}

/** Whether anything narrows the list beyond the view. */
export function isFiltered(filter: ReviewFilter): boolean {
  return Boolean(filter.search.trim() || filter.texterId || filter.tagId || filter.answerId || filter.errorCode);
}

/** One select holds the survey answer: "question:answer" (survey ids are letters, digits, - and _). */
export function answerChoice(filter: Pick<ReviewFilter, 'questionId' | 'answerId'>): string {
  return filter.questionId && filter.answerId ? `${filter.questionId}:${filter.answerId}` : '';
}

export function withAnswerChoice(filter: ReviewFilter, choice: string): ReviewFilter {
  const [questionId = '', answerId = ''] = choice.split(':');
  return questionId && answerId ? { ...filter, questionId, answerId } : { ...filter, questionId: '', answerId: '' };
}
