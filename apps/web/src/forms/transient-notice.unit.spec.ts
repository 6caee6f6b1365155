import { afterEach, describe, expect, it, vi } from 'vitest';
import { TransientNotice } from './transient-notice.svelte';

afterEach(() => vi.useRealTimers());

describe('TransientNotice', () => {
  it('clears itself after a few seconds', () => {
    vi.useFakeTimers();
    const notice = new TransientNotice(6_000);
    notice.show('Campaign created.');
    vi.advanceTimersByTime(5_999);
    expect(notice.text).toBe('Campaign created.');
    vi.advanceTimersByTime(1);
    expect(notice.text).toBe('');
  });

  it('gives a newer message its own full time', () => {
    vi.useFakeTimers();
    const notice = new TransientNotice(1_000);
    notice.show('one');
    vi.advanceTimersByTime(900);
    notice.show('two');
    vi.advanceTimersByTime(900);
    expect(notice.text).toBe('two');
    notice.clear();
    expect(notice.text).toBe('');
  });
});
