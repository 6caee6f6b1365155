import type { Agent } from 'node:http';
import { sendJson, type JsonResponse } from './http-json.js';

/** The API as one signed-in organizer sees it: base URL, connection pool, session cookie. */
export interface ApiSession {
  readonly url: string;
  readonly agent: Agent;
  /** `textbank_session=...`, for HTTP requests and the sockets' handshake. */
  readonly cookie: string;
}

export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';
  constructor(what: string, response: JsonResponse) {
    super(`${what}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/** The `textbank_session=...` pair a response set, if it set one. */
export function sessionCookieOf(response: JsonResponse): string | undefined {
  return response.setCookie.map((header) => header.split(';')[0]!).find((pair) => pair.startsWith('textbank_session='));
}

/** First run: creates the organization and its owner and keeps the owner's session cookie. */
export async function setUpOrganization(url: string, agent: Agent): Promise<ApiSession> {
  const response = await sendJson(agent, {
    method: 'POST',
    url: `${url}/api/setup`,
    body: { organizationName: 'Bench Tenants Union', name: 'Bench Organizer', email: 'bench@example.org', password: 'bench-password-long-enough' },
  });
  const cookie = sessionCookieOf(response);
  if (response.status !== 201 || !cookie) throw new UnexpectedResponseError('POST /api/setup', response);
  return { url, agent, cookie };
}

/** Creates a draft campaign; it starts at revision 0. */
export async function createCampaign(session: ApiSession, name: string): Promise<string> {
  const response = await sendJson(session.agent, { method: 'POST', url: `${session.url}/api/campaigns`, body: { name }, cookie: session.cookie });
  const id = (response.body as { id?: unknown } | undefined)?.id;
  if (response.status !== 201 || typeof id !== 'string') throw new UnexpectedResponseError('POST /api/campaigns', response);
  return id;
}

export interface VolunteerInvite {
  readonly id: string;
  /** The secret in the link (`/#/join/<token>`): the API shows it in this answer only. */
  readonly token: string;
}

/** One invite link for a crowd of volunteers, good for `maxUses` joins. */
export async function createVolunteerInvite(session: ApiSession, maxUses: number): Promise<VolunteerInvite> {
  const response = await sendJson(session.agent, { method: 'POST', url: `${session.url}/api/invites`, body: { kind: 'volunteer', maxUses }, cookie: session.cookie });
  const { id, token } = (response.body ?? {}) as { id?: unknown; token?: unknown };
  if (response.status !== 201 || typeof id !== 'string' || typeof token !== 'string') throw new UnexpectedResponseError('POST /api/invites', response);
  return { id, token };
}
