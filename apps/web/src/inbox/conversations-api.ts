import { CommandAccepted, ConversationPage, OptOutConversationResult, TextingKit, ThreadView, type SendReplyRequest } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';
import { INBOX_VIEWS, type InboxView } from './inbox-views';

export const INBOX_PAGE_SIZE = 100;

export interface InboxRequest {
  view: InboxView;
  search?: string;
  campaignId?: string;
  limit?: number;
  offset?: number;
}

/** Message review's filters beside the view and search ('none': nobody's conversations, the admin queue). */
export interface ReviewFilters {
  texterId?: string;
  tagId?: string;
  questionId?: string;
  answerId?: string;
  errorCode?: string;
}

function queryOf(request: InboxRequest & ReviewFilters): string {
  const params = new URLSearchParams({ view: request.view, limit: String(request.limit ?? INBOX_PAGE_SIZE), offset: String(request.offset ?? 0) });
  const search = request.search?.trim().slice(0, 100);
  if (search) params.set('search', search);
  for (const key of ['campaignId', 'texterId', 'tagId', 'questionId', 'answerId', 'errorCode'] as const) {
    const value = request[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** My conversations, newest change first. */
export function fetchConversations(request: InboxRequest): Promise<ApiResult<ConversationPage>> {
  return apiGet(`/api/conversations?${queryOf(request)}`, ConversationPage);
}

/** Message review (staff and auditors): a campaign's conversations, filtered. */
export function fetchReview(campaignId: string, request: InboxRequest & ReviewFilters): Promise<ApiResult<ConversationPage>> {
  const { campaignId: _ignored, ...rest } = request;
  return apiGet(`/api/campaigns/${encodeURIComponent(campaignId)}/conversations?${queryOf(rest)}`, ConversationPage);
}

/** The campaign's name, hours, canned responses, survey and tags, for a texter (404 for a volunteer and a draft). */
export function fetchTextingKit(campaignId: string): Promise<ApiResult<TextingKit>> {
  return apiGet(`/api/campaigns/${encodeURIComponent(campaignId)}/texting/kit`, TextingKit);
}

/** Record the contact's answer to a survey question (null takes it back). */
export function recordAnswer(contactId: string, questionId: string, answerId: string | null): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `/api/conversations/${encodeURIComponent(contactId)}/answers`, { questionId, answerId }, CommandAccepted);
}

export function tagConversation(contactId: string, tagId: string, applied: boolean): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `/api/conversations/${encodeURIComponent(contactId)}/tags`, { tagId, applied }, CommandAccepted);
}

/** Nothing more to say: off "needs reply" until the contact writes again. */
export function closeConversation(contactId: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `/api/conversations/${encodeURIComponent(contactId)}/close`, {}, CommandAccepted);
}

export type ViewCounts = Record<InboxView, number>;

/** How many conversations each view holds (a one-row page each: the API counts them). */
export async function fetchViewCounts(campaignId?: string): Promise<ApiResult<ViewCounts>> {
  const pages = await Promise.all(INBOX_VIEWS.map((view) => fetchConversations({ view, limit: 1, ...(campaignId && { campaignId }) })));
  const counts = {} as ViewCounts;
  for (const [index, page] of pages.entries()) {
    if (!page.ok) return page;
    counts[INBOX_VIEWS[index]!] = page.value.total;
  }
  return { ok: true, value: counts };
}

/** 404 when the conversation is not yours (staff and auditors see everyone's). */
export function fetchThread(contactId: string): Promise<ApiResult<ThreadView>> {
  return apiGet(`/api/conversations/${encodeURIComponent(contactId)}`, ThreadView);
}

/** One press of Send reply: its gesture id is the Idempotency-Key, so a retried press answers once. 409 when the contact opted out. */
export function sendReply(contactId: string, request: SendReplyRequest, gestureId: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `/api/conversations/${encodeURIComponent(contactId)}/replies`, request, CommandAccepted, { idempotencyKey: gestureId });
}

/**
 * The owner (or staff) opts the contact out from the conversation: organization-wide, like a STOP.
 * With `confirmation`, that text tells them so (once; not after a STOP). The gesture id makes a retried press answer once.
 */
export function optOutConversation(contactId: string, confirmation: string | undefined, gestureId: string): Promise<ApiResult<OptOutConversationResult>> {
  return apiSend('POST', `/api/conversations/${encodeURIComponent(contactId)}/opt-out`, confirmation === undefined ? {} : { confirmation }, OptOutConversationResult, {
    idempotencyKey: gestureId,
  });
}
