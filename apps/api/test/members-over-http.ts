import type { Page } from 'playwright-core';

/** A signed-in member as the API sees them: their cookie and id. */
export interface Member {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly cookie: string;
}

/** One JSON request as a member; throws on anything but 2xx, with the body, so a setup step never fails silently. */
export async function callApi<T = unknown>(url: string, cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function signInOverHttp(url: string, email: string, password: string): Promise<Member> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
  const view = (await response.json()) as { person: { id: string; name: string } };
  return { id: view.person.id, name: view.person.name, email, password, cookie: response.headers.get('set-cookie')!.split(';')[0]! };
}

/** A newcomer joins through a new link the owner made, and never signs in with their password afterwards; answers their id. */
export async function joinOnly(url: string, owner: Member, person: { name: string; email: string; password: string }): Promise<string> {
  const invite = await callApi<{ token: string }>(url, owner.cookie, 'POST', '/api/invites', { kind: 'volunteer' });
  const joined = await callApi<{ person: { id: string } }>(url, '', 'POST', `/api/join/${invite.token}`, person);
  return joined.person.id;
}

/** A newcomer joins through a link the owner made, then (if asked) the owner gives them a role. */
export async function addMember(
  url: string,
  owner: Member,
  person: { name: string; email: string; password: string; role?: 'admin' | 'auditor' | 'volunteer' | 'owner' },
): Promise<Member> {
  const invite = await callApi<{ token: string }>(url, owner.cookie, 'POST', '/api/invites', { kind: 'volunteer' });
  const response = await fetch(`${url}/api/join/${invite.token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: person.name, email: person.email, password: person.password }),
  });
  if (!response.ok) throw new Error(`join as ${person.email}: ${response.status} ${await response.text()}`);
  const view = (await response.json()) as { person: { id: string } };
  if (person.role && person.role !== 'volunteer') await callApi(url, owner.cookie, 'PATCH', `/api/people/${view.person.id}/role`, { role: person.role });
  return signInOverHttp(url, person.email, person.password);
}

export async function createCampaignOverHttp(url: string, member: Member, name: string, description = ''): Promise<string> {
  const created = await callApi<{ id: string }>(url, member.cookie, 'POST', '/api/campaigns', { name, description });
  return created.id;
}

/** Signs in through the sign-in form, as a person does. */
export async function signInIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}
