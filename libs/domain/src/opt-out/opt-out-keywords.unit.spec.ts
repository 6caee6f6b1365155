import { describe, expect, it } from 'vitest';
import { classifyInbound, OPT_OUT_KEYWORDS, REVOCATION_PHRASES, type InboundClassification } from './opt-out-keywords.js';

const OPT_OUT: InboundClassification = { kind: 'opt_out' };
const OPT_IN: InboundClassification = { kind: 'opt_in' };
const MESSAGE: InboundClassification = { kind: 'message' };
const flag = (phrase: string): InboundClassification => ({ kind: 'possible_opt_out', phrase });

describe('classifying an inbound text for consent', () => {
  it.each<[string, InboundClassification]>([
    // every keyword, alone, in several forms
    ['STOP', OPT_OUT],
    ['stop', OPT_OUT],
    ['Stop.', OPT_OUT],
    ['  stop!!', OPT_OUT],
    ['STOP 🛑', OPT_OUT],
    ['"STOP"', OPT_OUT],
    ['\u201CStop\u201D', OPT_OUT],
    ['\tsTOp\n', OPT_OUT],
    ['stop\u00A0', OPT_OUT],
    ['STOPALL', OPT_OUT],
    ['Stop all', OPT_OUT],
    ['stop-all!', OPT_OUT],
    ['UNSUBSCRIBE', OPT_OUT],
    ['unsubscribe.', OPT_OUT],
    ['CANCEL', OPT_OUT],
    ['Cancel!', OPT_OUT],
    ['END', OPT_OUT],
    ['end.', OPT_OUT],
    ['QUIT', OPT_OUT],
    ['quit!!!', OPT_OUT],
    ['REVOKE', OPT_OUT],
    ['Revoke', OPT_OUT],
    ['OPTOUT', OPT_OUT],
    ['OPT OUT', OPT_OUT],
    ['opt-out', OPT_OUT],
    ['Opt out.', OPT_OUT],
    ['(stop)', OPT_OUT],
    ['👋 Stop 👋', OPT_OUT],
    ['STOP STOP', OPT_OUT],
    ['Stop, unsubscribe!', OPT_OUT],
    // unicode: full-width, styled and circled letters fold; invisible characters vanish
    ['\uFF33\uFF34\uFF2F\uFF30', OPT_OUT],
    ['\u{1D412}\u{1D413}\u{1D40E}\u{1D40F}', OPT_OUT],
    ['\u24C8\u24C9\u24C4\u24C5', OPT_OUT],
    ['ST\u200BOP', OPT_OUT],
    ['\uFEFFstop', OPT_OUT],
    ['s\u200Dt\u2060o\u00ADp', OPT_OUT],
    // near misses
    ['stopp', MESSAGE],
    ['stopping', MESSAGE],
    ['Stop by!', MESSAGE],
    ['stop by the office', MESSAGE],
    ["don't stop", MESSAGE],
    ['Don\u2019t stop believing', MESSAGE],
    ['cancelled', MESSAGE],
    ['I will cancel my plans', MESSAGE],
    ['the end', MESSAGE],
    ['weekend', MESSAGE],
    ['quitting', MESSAGE],
    ['stop. Who is this?', MESSAGE],
    ['S T O P', MESSAGE],
    ['stop start', MESSAGE],
    // opt-in, same normalisation; YES is a survey answer, not consent to texts
    ['START', OPT_IN],
    ['start', OPT_IN],
    ['Start!', OPT_IN],
    ['UNSTOP', OPT_IN],
    ['unstop.', OPT_IN],
    ['\uFF33\uFF34\uFF21\uFF32\uFF34', OPT_IN],
    ['YES', MESSAGE],
    ['starting', MESSAGE],
    ['Start the car', MESSAGE],
    // free-text revocations: flagged, not opted out
    ['Please remove me from this list', flag('remove me')],
    ['take me off your list', flag('take me off')],
    ['Unsubscribe me please', flag('unsubscribe me')],
    ['how do I unsubscribe?', flag('unsubscribe')],
    ['I want to opt out', flag('opt out')],
    ['opt me out', flag('opt me out')],
    ['wrong number', flag('wrong number')],
    ['Wrong number, stop texting me', flag('wrong number')],
    ['WRONG NUMBER!!', flag('wrong number')],
    ['Stop texting me', flag('stop texting')],
    ['stop messaging me', flag('stop messaging')],
    ['Do not text this number again', flag('do not text')],
    ["don't text me", flag("don't text")],
    ['Don\u2019t text me', flag("don't text")],
    ['dont text me', flag("don't text")],
    ['Leave me alone.', flag('leave me alone')],
    ['Who gave you my number??', flag('who gave you my number')],
    ['how did you get my number', flag('how did you get my number')],
    ['This is not my number', flag('not my number')],
    ['no more texts please', flag('no more texts')],
    ['Please stop', flag('please stop')],
    ['stop. please', flag('stop please')],
    ["Don't stop texting me, I love these", flag('stop texting')], // a flag, not an opt-out: the texter decides
    ['remove menu items', MESSAGE], // whole words only
    ['the wrong numbers were on the flyer', MESSAGE],
    // everything else
    ['', MESSAGE],
    ['   ', MESSAGE],
    ['\n\t \u200B', MESSAGE],
    ['🛑', MESSAGE],
    ['?!', MESSAGE],
    ['Yes! Count me in', MESSAGE],
    ['Who is this?', MESSAGE],
    ['Where do I vote?', MESSAGE],
    // non-Latin text is a message unless it is a listed keyword
    ['стоп', MESSAGE],
    ['停止', MESSAGE],
    ['توقف', MESSAGE],
    ['बंद करो', MESSAGE],
    ['Σταμάτα', MESSAGE],
    ['STOP ありがとう', MESSAGE],
  ])('%j is %j', (body, expected) => {
    expect(classifyInbound(body)).toEqual(expected);
  });

  it('knows every listed opt-out keyword, alone, in upper, lower and title case', () => {
    for (const keyword of OPT_OUT_KEYWORDS) {
      for (const typed of [keyword.toUpperCase(), keyword, keyword[0]!.toUpperCase() + keyword.slice(1)]) {
        expect(classifyInbound(typed), typed).toEqual(OPT_OUT);
      }
    }
  });

  it('flags every listed revocation phrase inside a sentence, naming it', () => {
    for (const phrase of REVOCATION_PHRASES) {
      const result = classifyInbound(`Hi. ${phrase.toUpperCase()}, thanks`);
      expect(result.kind, phrase).toBe('possible_opt_out');
      // a shorter phrase may not hide a longer one that contains it
      expect(result, phrase).toEqual(flag(REVOCATION_PHRASES.filter((p) => phrase.startsWith(p)).sort((a, b) => b.length - a.length)[0]!));
    }
  });

  it('classifies 10,000-character bodies quickly, whatever they hold', () => {
    const bodies: [string, InboundClassification['kind']][] = [
      ['a'.repeat(10_000), 'message'],
      [' '.repeat(9_999) + 'x', 'message'],
      ['!'.repeat(9_996) + 'stop', 'opt_out'],
      ['stop '.repeat(2_000), 'opt_out'],
      ['stop '.repeat(1_999) + 'nope!', 'message'],
      ['stop all '.repeat(1_111) + 'x', 'message'],
      ['dont '.repeat(2_000), 'message'],
      ['blah '.repeat(1_998) + 'leave me alone', 'possible_opt_out'],
      ['🛑\u200B'.repeat(3_333) + 'x', 'message'],
    ];
    for (const [body, kind] of bodies) {
      expect(body.length).toBeGreaterThanOrEqual(10_000);
      const started = performance.now();
      expect(classifyInbound(body).kind).toBe(kind);
      // about a millisecond; the bound only catches a backtracking blow-up (seconds), not a busy machine
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});
