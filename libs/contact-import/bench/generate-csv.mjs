// A contacts CSV of `rows` rows, 20% of them bad: 10% invalid phones, 10% repeats of earlier numbers.
// Deterministic (seeded), written as a stream of chunks so that generating needs no memory either.
const AREA_CODES = [201, 202, 212, 213, 305, 312, 404, 415, 480, 503, 512, 602, 617, 702, 713, 808, 907, 919, 971, 347];
const ZIPS = ['10001', '02134', '60601', '85001', '96813', '46201-1234', '99501', '', '94110', '33101', '00000'];
const FORMATS = [(d) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`, (d) => d, (d) => `+1${d}`, (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`, (d) => `1.${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`];
const INVALID = ['555-0123', '(202) 155-0123', 'n/a', '12', '+44 20', '202-555-0123 x12', '1234567890123456', '(911) 555-0100'];

function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export function* generateCsv(rows, seed = 7) {
  const next = random(seed);
  const seen = [];
  yield 'First Name,Last Name,Cell Phone,Zip,VAN ID,Polling Place\r\n';
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const roll = next();
    let phone;
    if (roll < 0.1) phone = INVALID[Math.floor(next() * INVALID.length)];
    else if (roll < 0.2 && seen.length > 0) phone = seen[Math.floor(next() * seen.length)];
    else {
      const digits = `${AREA_CODES[Math.floor(next() * AREA_CODES.length)]}${200 + Math.floor(next() * 800)}${String(Math.floor(next() * 10_000)).padStart(4, '0')}`;
      phone = FORMATS[i % FORMATS.length](digits);
      if (seen.length < 100_000) seen.push(phone);
    }
    const zip = ZIPS[i % ZIPS.length];
    chunk += `Person${i},"Family, ${i % 97}",${phone},${zip},${100000 + i},"School #${i % 300}"\r\n`;
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
