import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import TextField from './TextField.svelte';

describe('TextField', () => {
  it('marks the input invalid and announces the error with it', () => {
    const { body } = render(TextField, { props: { id: 'n', label: 'Name', value: '', error: 'is required' } });
    expect(body).toMatch(/<input[^>]*aria-invalid="true"/);
    expect(body).toMatch(/<input[^>]*aria-describedby="n-error"/);
    expect(body).toContain('<p class="field-error" id="n-error">Name is required.</p>');
  });

  it('is plain when there is no error', () => {
    const { body } = render(TextField, { props: { id: 'n', label: 'Name', value: 'Ada' } });
    expect(body).not.toContain('aria-invalid');
    expect(body).not.toContain('field-error');
    expect(body).toMatch(/value="Ada"/);
  });

  it('renders a textarea when given rows', () => {
    const { body } = render(TextField, { props: { id: 'd', label: 'Description', value: 'x', rows: 3 } });
    expect(body).toMatch(/<textarea id="d" rows="3"/);
  });
});
