import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import PeopleTable from './PeopleTable.svelte';
import { aPerson } from './people-test-data';

const me = aPerson({ id: 'me', name: 'Ada Organizer', role: 'admin', email: 'ada@example.org' });
const grace = aPerson({ id: 'g', name: 'Grace Texter', role: 'auditor' });
const boss = aPerson({ id: 'b', name: 'Olive Owner', role: 'owner' });
const gone = aPerson({ id: 's', name: 'Sam Suspended', status: 'suspended', lastActiveAt: null });

const rows = (html: string) => html.split('data-testid="person-row"').slice(1);
const table = (viewer: { id: string; role: 'owner' | 'admin' | 'auditor' }) =>
  render(PeopleTable, { props: { people: [me, grace, boss, gone], viewer, onChanged: () => {} } }).body;

describe('PeopleTable', () => {
  it('shows one row per person with name, email, role, status, joined and last active', () => {
    const body = table({ id: 'me', role: 'auditor' });
    expect(rows(body)).toHaveLength(4);
    expect(rows(body)[1]).toContain('Grace Texter');
    expect(rows(body)[1]).toContain('grace@example.org');
    expect(rows(body)[1]).toContain('>auditor<');
    expect(rows(body)[1]).toContain('status-active');
    expect(rows(body)[1]).toContain('datetime="2025-03-02T09:30:00.000Z"');
    expect(rows(body)[3]).toContain('status-suspended');
    expect(rows(body)[3]).toContain('Not yet');
  });

  it('gives an admin a labelled role select with the current role chosen, and Suspend or Reinstate', () => {
    const [, graceRow, , goneRow] = rows(table({ id: 'me', role: 'admin' }));
    expect(graceRow).toMatch(/<label class="visually-hidden" for="role-g">Role for Grace Texter<\/label>/);
    expect(graceRow).toMatch(/<select id="role-g"/);
    expect(graceRow).toContain('<option value="auditor" selected="">auditor</option>');
    // An admin cannot make an owner: the API answers 403.
    expect(graceRow).not.toContain('value="owner"');
    expect(graceRow).toMatch(/<button[^>]*>Suspend<\/button>/);
    expect(goneRow).toMatch(/<button[^>]*>Reinstate<\/button>/);
  });

  it('offers no actions on yourself, nor an admin any on an owner', () => {
    const [meRow, , bossRow] = rows(table({ id: 'me', role: 'admin' }));
    expect(meRow).toContain('(you)');
    expect(meRow).not.toContain('<select');
    expect(meRow).not.toContain('<button');
    expect(bossRow).not.toContain('<select');
    expect(bossRow).not.toContain('<button');
  });

  it('lets an owner give the owner role and manage another owner', () => {
    const [, graceRow, bossRow] = rows(table({ id: 'me', role: 'owner' }));
    expect(graceRow).toContain('<option value="owner">owner</option>');
    expect(bossRow).toMatch(/<label[^>]*>Role for Olive Owner<\/label>/);
  });

  it('is read-only for an auditor: no selects, no action buttons, no actions column', () => {
    const body = table({ id: 'me', role: 'auditor' });
    expect(body).not.toContain('<select');
    expect(rows(body).join('')).not.toContain('<button');
    expect(body).not.toContain('>Actions<');
  });

  it('sends nothing on a pick: a role is changed only with a Change role button, and none shows until a new role is picked', () => {
    const [, graceRow] = rows(table({ id: 'me', role: 'admin' }));
    expect(graceRow).not.toContain('Change role');
    expect(graceRow).not.toMatch(/<select[^>]*onchange/);
  });

  it('lets the table be sorted by name, role, status, joined and last active', () => {
    const body = table({ id: 'me', role: 'admin' });
    const sortable = [...body.matchAll(/<button type="button" class="sort">\s*([\w ]+?)<span/g)].map((m) => m[1]);
    expect(sortable).toEqual(['Name', 'Role', 'Status', 'Joined', 'Last active']);
  });

  it('offers an admin a password reset link for active people, but no email change or removal', () => {
    const [, graceRow, , goneRow] = rows(table({ id: 'me', role: 'admin' }));
    expect(graceRow).toMatch(/<button[^>]*>Password reset link<\/button>/);
    expect(goneRow).not.toContain('Password reset link');
    expect(graceRow).not.toContain('Change email');
    expect(graceRow).not.toContain('>Remove<');
  });

  it('offers an owner Change email for others, and Remove only for someone who never signed in', () => {
    const newcomer = aPerson({ id: 'n', name: 'Nell Newcomer', signedIn: false });
    const regular = aPerson({ id: 'r', name: 'Rita Regular', signedIn: true });
    const body = render(PeopleTable, { props: { people: [me, newcomer, regular], viewer: { id: 'me', role: 'owner' }, onChanged: () => {} } }).body;
    const [meRow, newcomerRow, regularRow] = rows(body);
    expect(newcomerRow).toMatch(/<button[^>]*>Change email<\/button>/);
    expect(newcomerRow).toMatch(/<button[^>]*>Remove<\/button>/);
    expect(regularRow).toMatch(/<button[^>]*>Change email<\/button>/);
    expect(regularRow).not.toContain('>Remove<');
    expect(meRow).not.toContain('<button');
  });

  it('escapes names rather than rendering them as HTML', () => {
    const body = render(PeopleTable, {
      props: { people: [aPerson({ name: '<img src=x onerror=alert(1)>' })], viewer: { id: 'me', role: 'admin' }, onChanged: () => {} },
    }).body;
    expect(body).not.toContain('<img');
  });
});
