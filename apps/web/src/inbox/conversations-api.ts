import { CommandAccepted, ConversationPage, ThreadView, type SendReplyRequest } from '@textbank/contracts';
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

/** My conversations, newest change first. */
export function fetchConversations(request: InboxRequest): Promise<ApiResult<ConversationPage>> {
  const params = new URLSearchParams({ view: request.view, limit: String(request.limit ?? INBOX_PAGE_SIZE), offset: String(request.offset ?? 0) });
  const search = request.search?.trim().slice(0, 100);
  if (search) params.set('search', search);
  if (request.campaignId) params.set('campaignId', request.campaignId);
  return apiGet(`/api/conversations?${params.toString()}`, ConversationPage);
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

/** The owner (or staff) opts the contact out from the conversation: organization-wide, like a STOP. */
export function optOutConversation(contactId: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', `/api/conversations/${encodeURIComponent(contactId)}/opt-out`, {}, CommandAccepted);
}
