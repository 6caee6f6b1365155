/** A message cut around the words to show as a link: `linked` is '' when the words are not in it (the link then follows the message). */
export interface LinkedPhrase {
  before: string;
  linked: string;
  after: string;
}

export function linkedPhrase(message: string, words: string): LinkedPhrase {
  const at = words === '' ? -1 : message.toLowerCase().indexOf(words.toLowerCase());
  if (at === -1) return { before: words === '' ? message : `${message} `, linked: '', after: '' };
  return { before: message.slice(0, at), linked: message.slice(at, at + words.length), after: message.slice(at + words.length) };
}
