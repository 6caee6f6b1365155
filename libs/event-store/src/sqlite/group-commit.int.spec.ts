import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GroupCommitter } from './group-commit.js';

describe('GroupCommitter', () => {
  const setUp = () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    let commits = 0;
    let rollbacks = 0;
    const committer = new GroupCommitter(db, () => commits++, () => rollbacks++);
    const rows = () => db.prepare('SELECT v FROM t ORDER BY v').pluck().all();
    return { committer, insert, rows, counts: () => ({ commits, rollbacks }) };
  };

  it('a write that fails before changing anything fails alone, without savepoints', async () => {
    const { committer, insert, rows } = setUp();
    const results = await Promise.allSettled([
      committer.submit(() => insert.run('a')),
      committer.submit(() => {
        throw new Error('conflict');
      }),
      committer.submit(() => insert.run('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(rows()).toEqual(['a', 'c']);
    expect(committer.stats).toEqual({ groups: 1, writes: 3, savepointRetries: 0 });
  });

  it('a write that fails half-way is undone alone: the group reruns with a savepoint each', async () => {
    const { committer, insert, rows, counts } = setUp();
    const results = await Promise.allSettled([
      committer.submit(() => insert.run('a')),
      committer.submit(() => {
        insert.run('b');
        throw new Error('failed after writing');
      }),
      committer.submit(() => insert.run('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(rows()).toEqual(['a', 'c']);
    expect(committer.stats.savepointRetries).toBe(1);
    expect(counts().commits).toBe(1);
  });
});
