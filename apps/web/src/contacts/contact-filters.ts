/** The contacts table's search and filters, as the admin set them. '' means "any". */
export interface ContactFilter {
  search: string;
  /** An IANA zone, 'none' for contacts without a ZIP, or '' for any. */
  timeZone: string;
  zip: string;
  /** A custom field's key, and the value it must have. */
  field: string;
  value: string;
}

export const NO_CONTACT_FILTER: ContactFilter = { search: '', timeZone: '', zip: '', field: '', value: '' };
export const CONTACTS_PAGE_SIZE = 25;

/** Why the filter cannot be asked yet (a half-typed ZIP), or '' when it can. */
export function filterProblem(filter: ContactFilter): string {
  const zip = filter.zip.trim();
  if (zip !== '' && !/^\d{5}$/.test(zip)) return 'A ZIP filter needs all 5 digits.';
  return '';
}

/** The query string for one page of contacts (`page` 1-based); only the filters set are sent. */
export function contactsQuery(filter: ContactFilter, page: number, pageSize = CONTACTS_PAGE_SIZE): string {
  const params = new URLSearchParams();
  const search = filter.search.trim();
  if (search) params.set('search', search.slice(0, 100));
  if (filter.timeZone) params.set('timeZone', filter.timeZone);
  if (filter.zip.trim()) params.set('zip', filter.zip.trim());
  if (filter.field && filter.value.trim()) {
    params.set('field', filter.field);
    params.set('value', filter.value.trim());
  }
  params.set('limit', String(pageSize));
  params.set('offset', String((Math.max(1, page) - 1) * pageSize));
  return params.toString();
}

export function pageCount(total: number, pageSize = CONTACTS_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
