import type { ApiSession } from '../shared/api-session.js';
import { sendJson } from '../shared/http-json.js';

/**
 * After the crowd, as the owner sees it: the people list holds the owner and
 * every volunteer (each email once), and the invite counts one use a
 * volunteer. Returns what is wrong, if anything.
 */
export async function verifyCrowd(owner: ApiSession, inviteId: string, emails: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  const get = (path: string) => sendJson(owner.agent, { method: 'GET', url: `${owner.url}${path}`, cookie: owner.cookie });

  const people = await get('/api/people');
  const listed = (people.body as { people?: { email: string; role: string }[] } | undefined)?.people;
  if (people.status !== 200 || !Array.isArray(listed)) {
    problems.push(`GET /api/people: HTTP ${people.status} ${JSON.stringify(people.body)}`);
  } else {
    if (listed.length !== emails.length + 1) problems.push(`GET /api/people lists ${listed.length} people, expected ${emails.length + 1}`);
    const volunteers = new Set(listed.filter((person) => person.role === 'volunteer').map((person) => person.email));
    const missing = emails.filter((email) => !volunteers.has(email));
    if (missing.length > 0) problems.push(`${missing.length} volunteers missing from GET /api/people (first: ${missing[0]})`);
  }

  const invites = await get('/api/invites');
  const invite = (invites.body as { invites?: { id: string; uses: number }[] } | undefined)?.invites?.find((candidate) => candidate.id === inviteId);
  if (invites.status !== 200) problems.push(`GET /api/invites: HTTP ${invites.status} ${JSON.stringify(invites.body)}`);
  else if (!invite) problems.push('GET /api/invites does not list the invite');
  else if (invite.uses !== emails.length) problems.push(`GET /api/invites shows ${invite.uses} uses, expected ${emails.length}`);
  return problems;
}
