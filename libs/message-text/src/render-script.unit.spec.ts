import { describe, expect, it } from 'vitest';
import { mergeValues, renderScript } from './render-script.js';

const maria = { firstName: 'Maria', lastName: 'Lopez', customFields: { polling_place: 'Lincoln High' } };
const blank = { firstName: '', lastName: null, customFields: {} };
const texter = { firstName: 'Sam' };

describe('rendering a script for a contact', () => {
  it.each([
    ['Hi {firstName}, {texterFirstName} here.', maria, 'Hi Maria, Sam here.', []],
    ['Vote at {polling_place}!', maria, 'Vote at Lincoln High!', []],
    ['Hi {firstName} {lastName}, vote at {polling_place}', blank, 'Hi  , vote at ', ['firstName', 'lastName', 'polling_place']],
    ['{{firstName}} stays literal, {firstName}', maria, '{firstName} stays literal, Maria', []],
    ['Hi {firstName}', { firstName: '  ' }, 'Hi   ', ['firstName']],
    ['No fields', blank, 'No fields', []],
    ['{firstName}{firstName}', blank, '', ['firstName']],
  ])('%j for %j reads %j, empty: %j', (body, contact, text, emptyFields) => {
    expect(renderScript(body, mergeValues(contact, texter))).toEqual({ text, emptyFields });
  });

  it('a missing texter name is empty too', () => {
    expect(renderScript('{texterFirstName}', mergeValues(maria, {}))).toEqual({ text: '', emptyFields: ['texterFirstName'] });
  });

  it('does not read fields off the object prototype', () => {
    expect(renderScript('{constructor}{toString}', mergeValues(maria, texter))).toEqual({ text: '', emptyFields: ['constructor', 'toString'] });
  });

  it('built-ins win over a custom column of the same name', () => {
    expect(renderScript('{firstName}', mergeValues({ firstName: 'Ann', customFields: { firstName: 'Column' } }, texter)).text).toBe('Ann');
  });

  it('values are not read as scripts', () => {
    expect(renderScript('{firstName}', mergeValues({ firstName: '{lastName}' }, texter)).text).toBe('{lastName}');
  });
});
