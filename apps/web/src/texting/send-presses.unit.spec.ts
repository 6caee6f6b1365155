import { describe, expect, it } from 'vitest';
import { isSendKey, LOOK_MS, SendPresses, type KeyPress } from './send-presses';

function presses() {
  let n = 0;
  return new SendPresses(() => `g${++n}`);
}

describe('SendPresses: one press, one gesture, at most one text', () => {
  it('gives each press on an answered send its own gesture id', () => {
    const gate = presses();
    gate.shown(0);
    const first = gate.press('k1', LOOK_MS)!;
    expect(first).toEqual({ id: 'g1', contactId: 'k1' });
    gate.end(first, 'answered');
    gate.shown(1000);
    expect(gate.press('k2', 1000 + LOOK_MS)).toEqual({ id: 'g2', contactId: 'k2' });
  });

  it('ignores a second press while the first is in flight (a double press sends once)', () => {
    const gate = presses();
    const first = gate.press('k1', 10_000)!;
    expect(gate.busy).toBe(true);
    expect(gate.press('k1', 10_001)).toBeNull();
    expect(gate.press('k1', 10_050)).toBeNull();
    gate.end(first, 'answered');
    expect(gate.busy).toBe(false);
  });

  it('ignores presses in the first moments after a new contact appears', () => {
    const gate = presses();
    gate.shown(5_000);
    expect(gate.press('k2', 5_000 + LOOK_MS - 1)).toBeNull();
    expect(gate.press('k2', 5_000 + LOOK_MS)).not.toBeNull();
  });

  it('retries a press that got no answer with the same gesture id, so the server can send it only once', () => {
    const gate = presses();
    const first = gate.press('k1', 10_000)!;
    gate.end(first, 'unknown');
    const retry = gate.press('k1', 20_000)!;
    expect(retry.id).toBe(first.id);
    gate.end(retry, 'answered');
    expect(gate.press('k1', 30_000)!.id).not.toBe(first.id);
  });

  it('does not carry an unanswered gesture over to another contact', () => {
    const gate = presses();
    const first = gate.press('k1', 10_000)!;
    gate.end(first, 'unknown');
    expect(gate.press('k2', 20_000)!.id).not.toBe(first.id);
  });

  it('ignores the end of a gesture that is not the one in flight', () => {
    const gate = presses();
    const first = gate.press('k1', 10_000)!;
    gate.end({ id: 'other', contactId: 'k1' }, 'answered');
    expect(gate.busy).toBe(true);
    gate.end(first, 'answered');
    expect(gate.busy).toBe(false);
  });
});

describe('isSendKey', () => {
  const enter: KeyPress = { key: 'Enter', repeat: false, isComposing: false, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, targetTag: 'BODY', targetEditable: false };

  it('takes a plain Enter on the page, or on the focused Send button', () => {
    expect(isSendKey(enter, false)).toBe(true);
    expect(isSendKey({ ...enter, targetTag: 'BUTTON' }, true)).toBe(true);
  });

  it('does not count a held key’s repeats as presses', () => {
    expect(isSendKey({ ...enter, repeat: true }, false)).toBe(false);
  });

  it('leaves Enter to fields, links, other buttons and input methods', () => {
    for (const targetTag of ['INPUT', 'TEXTAREA', 'SELECT', 'A', 'SUMMARY']) expect(isSendKey({ ...enter, targetTag }, false)).toBe(false);
    expect(isSendKey({ ...enter, targetTag: 'BUTTON' }, false)).toBe(false);
    expect(isSendKey({ ...enter, targetTag: 'DIV', targetEditable: true }, false)).toBe(false);
    expect(isSendKey({ ...enter, isComposing: true }, false)).toBe(false);
  });

  it('ignores other keys and Enter with a modifier', () => {
    expect(isSendKey({ ...enter, key: ' ' }, false)).toBe(false);
    expect(isSendKey({ ...enter, ctrlKey: true }, false)).toBe(false);
    expect(isSendKey({ ...enter, shiftKey: true }, false)).toBe(false);
  });
});
