import { describe, expect, it } from 'vitest';
import { parseInitFrameText } from '../../../src/protocol/init/init-frame';
import { formatInitFrame } from '../../sim/init/format-init-frame';

const BYTES = new Uint8Array([0, 0, 0, 1, 0xff, 0x10, 0x20]); // 7 bytes → base64 needs '=' padding
const B64 = Buffer.from(BYTES).toString('base64');
const FILLER = '#'.repeat(2048);

function bytesOf(text: string): number[] | string {
  const result = parseInitFrameText(text);
  return result.ok ? [...result.bytes] : result.error;
}

describe('formatInitFrame', () => {
  it('writes INIT, padded base64, exactly 2048 #, and a newline', () => {
    const frame = formatInitFrame(BYTES);
    expect(frame).toBe(`INIT ${B64} ${FILLER}\n`);
    expect(B64.endsWith('=')).toBe(true);
  });
});

describe('parseInitFrameText', () => {
  it('reads the canonical frame and reports the base64 length', () => {
    const result = parseInitFrameText(formatInitFrame(BYTES));
    expect(result).toEqual({ ok: true, bytes: BYTES, base64Length: B64.length });
  });

  it.each([
    ['missing padding', `INIT ${B64.replace(/=+$/, '')} ${FILLER}\n`],
    ['missing # run', `INIT ${B64}\n`],
    ['missing newline', `INIT ${B64} ${FILLER}`],
    ['missing # run and newline', `INIT ${B64}`],
    ['# run glued to the base64', `INIT ${B64}${FILLER}\n`],
    ['CRLF and extra spaces', `INIT  ${B64}   ${FILLER}\r\n`],
    ['short # run', `INIT ${B64} ###\n`],
  ])('tolerates %s', (_name, text) => {
    expect(bytesOf(text)).toEqual([...BYTES]);
  });

  it.each([
    ['no payload', 'INIT\n', /no base64 payload/],
    ['only the # run', `INIT ${FILLER}\n`, /no base64 payload/],
    ['not INIT', `TOKEN ${B64}`, /not an INIT frame/],
    ['bad alphabet', `INIT ${B64.slice(0, 4)}*${B64.slice(5)} ${FILLER}`, /invalid base64 character/],
    ['bad length', 'INIT AAAAA ###', /impossible/],
  ])('reports %s', (_name, text, error) => {
    expect(bytesOf(text)).toMatch(error);
  });
});
