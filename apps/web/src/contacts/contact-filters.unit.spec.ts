import { describe, expect, it } from 'vitest';
import { contactsQuery, filterProblem, NO_CONTACT_FILTER, pageCount } from './contact-filters';

describe('contact filters', () => {
  it('sends only what is set, and the page as an offset', () => {
    expect(contactsQuery(NO_CONTACT_FILTER, 1)).toBe('limit=25&offset=0');
    expect(contactsQuery({ ...NO_CONTACT_FILTER, search: ' ana ', timeZone: 'none', zip: '10001' }, 3)).toBe('search=ana&timeZone=none&zip=10001&limit=25&offset=50');
  });

  it('a custom field filters only with a value', () => {
    expect(contactsQuery({ ...NO_CONTACT_FILTER, field: 'polling_place' }, 1)).toBe('limit=25&offset=0');
    expect(contactsQuery({ ...NO_CONTACT_FILTER, field: 'polling_place', value: 'Library' }, 1)).toBe('field=polling_place&value=Library&limit=25&offset=0');
  });

  it('waits for all five digits of a ZIP', () => {
    expect(filterProblem({ ...NO_CONTACT_FILTER, zip: '100' })).toBe('A ZIP filter needs all 5 digits.');
    expect(filterProblem({ ...NO_CONTACT_FILTER, zip: '10001' })).toBe('');
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(26)).toBe(2);
  });
});
