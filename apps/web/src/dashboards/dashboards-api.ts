import { CampaignDashboard, DASHBOARD_EVENTS, OrganizationOverview, VolunteerHome, type DashboardFollowReply, type DashboardPush, type DashboardTopic } from '@textbank/contracts';
import type { Socket } from 'socket.io-client';
import { apiGet, type ApiResult } from '../api/api-client';

export function fetchCampaignDashboard(campaignId: string): Promise<ApiResult<CampaignDashboard>> {
  return apiGet(`/api/campaigns/${encodeURIComponent(campaignId)}/dashboard`, CampaignDashboard);
}

export function fetchOverview(): Promise<ApiResult<OrganizationOverview>> {
  return apiGet('/api/dashboard/overview', OrganizationOverview);
}

export function fetchHome(since: string): Promise<ApiResult<VolunteerHome>> {
  return apiGet(`/api/me/home?since=${encodeURIComponent(since)}`, VolunteerHome);
}

/** Local midnight, as the API reads a volunteer's day. */
export const startOfToday = (now = new Date()) => new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();

/**
 * Follows dashboard topics on the app's socket: on every (re)connect it asks
 * again, and the ack brings each view as it is now; pushes carry whole views,
 * so the newest simply replaces what is shown. Leaving unfollows.
 */
export function followDashboard(socket: Socket, topics: DashboardTopic[], onView: (push: DashboardPush) => void, onProblem: (message: string) => void, since?: string): () => void {
  const body = since ? { topics, since } : { topics };
  const ask = () =>
    socket.emit(DASHBOARD_EVENTS.follow, body, (reply: DashboardFollowReply) => {
      if (reply.ok) reply.views.forEach(onView);
      else onProblem(reply.error);
    });
  const pushed = (push: DashboardPush) => {
    if ((topics as string[]).includes(push.topic)) onView(push);
  };
  socket.on('connect', ask);
  socket.on(DASHBOARD_EVENTS.push, pushed);
  if (socket.connected) ask();
  return () => {
    socket.off('connect', ask);
    socket.off(DASHBOARD_EVENTS.push, pushed);
    if (socket.connected) socket.emit(DASHBOARD_EVENTS.unfollow, { topics });
  };
}
