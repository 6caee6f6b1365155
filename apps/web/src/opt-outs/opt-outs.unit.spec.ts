import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import AddOptOutForm from './AddOptOutForm.svelte';
import OptOutsScreen from './OptOutsScreen.svelte';
import OptOutsTable from './OptOutsTable.svelte';
import { importResult, optOutCount, optOutSource } from './opt-out-words';

describe('opt-out words', () => {
  it('says where a number came from', () => {
    expect(optOutSource('manual')).toBe('Added by hand');
    expect(optOutSource('import')).toBe('Imported from a file');
    expect(optOutSource('carrier_unsubscribed')).toBe('Carrier unsubscribed');
  });

  it('reports an import clearly', () => {
    expect(importResult('spoke.csv', { added: 2, invalid: 1 })).toBe('2 numbers from spoke.csv are on the opt-out list. 1 row held no phone number and was left out.');
    expect(importResult('one.csv', { added: 1, invalid: 0 })).toBe('1 number from one.csv is on the opt-out list.');
    expect(importResult('junk.csv', { added: 0, invalid: 3 })).toBe('No phone numbers found in junk.csv. 3 rows held no phone number and were left out.');
  });

  it('counts the list, and what a search matched', () => {
    expect(optOutCount(0, '')).toBe('No numbers on the list yet.');
    expect(optOutCount(3, '')).toBe('3 numbers will never be texted by this organization, in any campaign.');
    expect(optOutCount(1, ' 0151 ')).toBe('1 number matches “0151”.');
    expect(optOutCount(0, '555')).toBe('0 numbers match “555”.');
  });
});

describe('opt-out screen', () => {
  it('lets admins add and import, and auditors only read', () => {
    const admin = render(OptOutsScreen, { props: { role: 'admin', organization: 'Org' } }).body;
    expect(admin).toContain('<h1>Opt-out list</h1>');
    expect(admin).toContain('>Add to opt-out list</button>');
    expect(admin).toContain('>Import numbers</button>');
    expect(admin).toContain('<label for="opt-out-search">Search numbers</label>');
    const auditor = render(OptOutsScreen, { props: { role: 'auditor', organization: 'Org' } }).body;
    expect(auditor).not.toContain('Add to opt-out list');
    expect(auditor).not.toContain('Import numbers');
  });

  it('the add form has a labelled phone field with an example', () => {
    const body = render(AddOptOutForm, { props: { onAdded: () => {} } }).body;
    expect(body).toContain('<label for="opt-out-phone">Phone number</label>');
    expect(body).toContain('(212) 555-0150');
  });

  it('lists numbers as people write them', () => {
    const body = render(OptOutsTable, { props: { optOuts: [{ phone: '+12125550150', source: 'manual', optedOutAt: '2025-03-01T10:00:00.000Z' }] } }).body;
    expect(body).toContain('(212) 555-0150');
    expect(body).toContain('Added by hand');
  });
});
