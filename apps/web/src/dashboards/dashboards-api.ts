import { DASHBOARD_EVENTS, type DashboardFollowReply, type DashboardPush, type DashboardTopic } from '@textbank/contracts';
import { connection } from '../live/socket-connection.svelte';

/** Local midnight, as the API reads a volunteer's day. */
export const startOfToday = (now = new Date()) => new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();

/**
 * Follows dashboard topics on the app's socket while it is live: called in an
 * effect, it runs again on every (re)connect and whenever the socket is
 * replaced (a new session), and the follow's ack brings each view as it is
 * now; pushes carry whole views, so the newest simply replaces what is shown.
 * Leaving unfollows.
 */
export function followDashboard(topics: DashboardTopic[], onView: (push: DashboardPush) => void, onProblem: (message: string) => void, since?: string): (() => void) | undefined {
  if (connection.status !== 'live') return undefined;
  const socket = connection.open();
  const body = since ? { topics, since } : { topics };
  const pushed = (push: DashboardPush) => {
    if ((topics as string[]).includes(push.topic)) onView(push);
  };
  socket.on(DASHBOARD_EVENTS.push, pushed);
  socket.emit(DASHBOARD_EVENTS.follow, body, (reply: DashboardFollowReply) => {
    if (reply.ok) reply.views.forEach(onView);
    else onProblem(reply.error);
  });
  return () => {
    socket.off(DASHBOARD_EVENTS.push, pushed);
    if (socket.connected) socket.emit(DASHBOARD_EVENTS.unfollow, { topics });
  };
}
