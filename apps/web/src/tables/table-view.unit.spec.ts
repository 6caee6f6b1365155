import { describe, expect, it } from 'vitest';
import { byText, nextSort, viewTable, type TableQuery } from './table-view';

interface Row {
  name: string;
  n: number;
}
const rows: Row[] = Array.from({ length: 74 }, (_, i) => ({ name: `Campaign ${i + 1}`, n: i + 1 }));
const rules = {
  searchText: (row: Row) => row.name,
  compare: { name: (a: Row, b: Row) => byText(a.name, b.name), n: (a: Row, b: Row) => a.n - b.n },
  pageSize: 25,
};
const query = (over: Partial<TableQuery<'name' | 'n'>> = {}): TableQuery<'name' | 'n'> => ({ search: '', sort: 'n', direction: 'ascending', page: 1, ...over });

describe('viewTable', () => {
  it('cuts one page of the list and says where it is', () => {
    const view = viewTable(rows, query({ page: 3 }), rules);
    expect(view).toMatchObject({ matching: 74, pages: 3, page: 3, first: 51, last: 74 });
    expect(view.rows).toHaveLength(24);
  });

  it('keeps the page within range when the list shrinks under it', () => {
    expect(viewTable(rows.slice(0, 10), query({ page: 3 }), rules)).toMatchObject({ page: 1, pages: 1, first: 1, last: 10 });
    expect(viewTable([], query(), rules)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0, matching: 0 });
  });

  it('searches every word, ignoring case and accents', () => {
    const people = [{ name: 'José Álvarez', n: 1 }, { name: 'Jo Smith', n: 2 }];
    expect(viewTable(people, query({ search: 'jose ALV' }), rules).rows.map((r) => r.n)).toEqual([1]);
    expect(viewTable(people, query({ search: '  jo ' }), rules).rows.map((r) => r.n)).toEqual([1, 2]);
  });

  it('sorts names as people read them: 2 before 10', () => {
    const view = viewTable(rows, query({ sort: 'name', direction: 'ascending', search: 'campaign 1' }), rules);
    expect(view.rows.slice(0, 3).map((r) => r.name)).toEqual(['Campaign 1', 'Campaign 10', 'Campaign 11']);
    expect(viewTable(rows, query({ sort: 'name', direction: 'descending' }), rules).rows[0]?.name).toBe('Campaign 74');
  });

  it('keeps the given order for rows that compare equal', () => {
    const same = [{ name: 'b', n: 1 }, { name: 'a', n: 1 }];
    expect(viewTable(same, query({ sort: 'n' }), rules).rows.map((r) => r.name)).toEqual(['b', 'a']);
  });
});

describe('nextSort', () => {
  it('flips the direction on the same column and starts a new one in its natural direction, back on page 1', () => {
    expect(nextSort(query({ page: 2 }), 'n')).toMatchObject({ sort: 'n', direction: 'descending', page: 1 });
    expect(nextSort(query(), 'name', 'descending')).toMatchObject({ sort: 'name', direction: 'descending', page: 1 });
  });
});
