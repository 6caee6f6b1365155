/** How a list is shown: what to search for, which column sorts it, which page. */
export interface TableQuery<Key extends string> {
  search: string;
  sort: Key;
  direction: 'ascending' | 'descending';
  /** 1-based. */
  page: number;
}

export interface TableRules<Row, Key extends string> {
  /** The text a search looks in, e.g. name and email. */
  searchText(row: Row): string;
  /** Compares two rows by a column, ascending. */
  compare: Record<Key, (a: Row, b: Row) => number>;
  pageSize: number;
}

export interface TableView<Row> {
  rows: Row[];
  /** Rows that pass the search (and any filter applied before). */
  matching: number;
  pages: number;
  /** The page shown: the one asked for, kept within 1..pages. */
  page: number;
  /** 1-based index of the first row shown, 0 when none. */
  first: number;
  last: number;
}

/**
 * Search, sort and one page of a list held in the browser. Lists here are
 * hundreds of rows at most, so the whole list is loaded once and kept current
 * by live updates; a page is cut from it on every change.
 */
export function viewTable<Row, Key extends string>(all: readonly Row[], query: TableQuery<Key>, rules: TableRules<Row, Key>): TableView<Row> {
  const words = normalise(query.search).split(' ').filter(Boolean);
  const matching = words.length === 0 ? [...all] : all.filter((row) => includesAll(normalise(rules.searchText(row)), words));
  const compare = rules.compare[query.sort];
  const sign = query.direction === 'ascending' ? 1 : -1;
  // Stable: rows that compare equal keep the list's own order (newest first).
  const sorted = matching.map((row, index) => ({ row, index })).sort((a, b) => sign * compare(a.row, b.row) || a.index - b.index);
  const pages = Math.max(1, Math.ceil(sorted.length / rules.pageSize));
  const page = Math.min(Math.max(1, Math.trunc(query.page) || 1), pages);
  const start = (page - 1) * rules.pageSize;
  const rows = sorted.slice(start, start + rules.pageSize).map((entry) => entry.row);
  return { rows, matching: sorted.length, pages, page, first: rows.length ? start + 1 : 0, last: start + rows.length };
}

/** Sorting the same column again flips it; a new column starts with its natural direction. */
export function nextSort<Key extends string>(query: TableQuery<Key>, column: Key, natural: 'ascending' | 'descending' = 'ascending'): TableQuery<Key> {
  if (query.sort !== column) return { ...query, sort: column, direction: natural, page: 1 };
  return { ...query, direction: query.direction === 'ascending' ? 'descending' : 'ascending', page: 1 };
}

/** Text comparison the way people read lists: case- and accent-insensitive, numbers in order. */
export const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

export const byTime = (a: string, b: string) => (Date.parse(a) || 0) - (Date.parse(b) || 0);

function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function includesAll(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}
