import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import TextField from './TextField.svelte';

describe('TextField', () => {
  it('marks the input invalid and announces the error with it', () => {
    const { body } = render(TextField, { props: { id: 'n', label: 'Name', value: '', error: 'is required' } });
    expect(body).toMatch(/<input[^>]*aria-invalid="true"/);
    expect(body).toMatch(/<input[^>]*aria-describedby="n-error"/);
    expect(body).toMatch(/<p class="field-error" id="n-error">Name is required\.(<!--[^>]*-->)*<\/p>/);
  });

  it('is plain when there is no error', () => {
    const { body } = render(TextField, { props: { id: 'n', label: 'Name', value: 'Ada' } });
    expect(body).not.toContain('aria-invalid');
    expect(body).not.toContain('field-error');
    expect(body).toMatch(/value="Ada"/);
  });

  it('gives a password field a Show password toggle button, off at first', () => {
    const { body } = render(TextField, { props: { id: 'p', label: 'Password', value: 'secret', type: 'password' } });
    expect(body).toMatch(/<input id="p" type="password"/);
    expect(body).toMatch(/<button type="button" class="secondary reveal" aria-controls="p" aria-pressed="false">Show password<\/button>/);
    expect(render(TextField, { props: { id: 'e', label: 'Email', value: '', type: 'email' } }).body).not.toContain('Show password');
  });

  it('makes the named words of an error a link', () => {
    const { body } = render(TextField, {
      props: { id: 'e', label: 'Email', value: '', error: 'Someone has already joined with that email; sign in instead', errorLink: { words: 'sign in instead', href: '#/sign-in?email=a%40b.org' } },
    });
    expect(body).toMatch(/Someone has already joined with that email; (<!--[^>]*-->)*<a href="#\/sign-in\?email=a%40b.org">sign in instead<\/a>/);
  });

  it('renders a textarea when given rows', () => {
    const { body } = render(TextField, { props: { id: 'd', label: 'Description', value: 'x', rows: 3 } });
    expect(body).toMatch(/<textarea id="d" rows="3"/);
  });
});
