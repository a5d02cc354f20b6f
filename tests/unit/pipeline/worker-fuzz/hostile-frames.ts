import { formatInitFrame } from '../../../sim/init/format-init-frame';
import type { Rng } from '../prng';

/**
 * Frame texts that are wrong in the ways a protocol change, a bug or a tampered page could make
 * them: mutated real frames, malformed and truncated INIT blobs, absurd numbers, huge frames.
 */

const HUGE_NUMBERS = ['2147483647', '2147483648', '-2147483649', '9007199254740993', '1e308', '0x10', '9'.repeat(330), 'NaN', 'Infinity', '-0', '007', '-1'];
const ODD_TEXT = ['é', '\u0000', '\u00a0', '\u200f', '\ufeff', '１２', '🏈', '\ud800', '\t', '\r', '\n', ':', '%', '{', '}', '#', '=', ' '];

type Mutator = (text: string, rng: Rng) => string;

const split = (text: string): string[] => text.replace(/\n$/, '').split(' ');
const join = (parts: string[], text: string): string => parts.join(' ') + (text.endsWith('\n') ? '\n' : '');

export const TEXT_MUTATORS: readonly Mutator[] = [
  (text, rng) => text.slice(0, rng.int(0, Math.max(0, text.length - 1))),
  (text, rng) => {
    const parts = split(text);
    parts.splice(rng.int(0, parts.length - 1), 1);
    return join(parts, text);
  },
  (text, rng) => {
    const parts = split(text);
    parts.splice(rng.int(0, parts.length), 0, rng.pick(parts));
    return join(parts, text);
  },
  (text, rng) => {
    const parts = split(text);
    parts[rng.int(0, parts.length - 1)] = rng.pick(HUGE_NUMBERS);
    return join(parts, text);
  },
  (text, rng) => {
    const at = rng.int(0, text.length);
    return text.slice(0, at) + rng.pick(ODD_TEXT) + text.slice(at);
  },
  (text, rng) => text.replace(/\d/, String(rng.int(0, 9))),
  (text, rng) => {
    const at = rng.int(0, text.length);
    const junk = Array.from({ length: rng.int(1, 12) }, () => String.fromCharCode(rng.int(0, 0xffff))).join('');
    return text.slice(0, at) + junk + text.slice(at + rng.int(0, 4));
  },
  (text) => text.toLowerCase(),
  (text, rng) => rng.pick(['', ' ', '\n', `${text}${text}`, text.replace(/ /g, '  '), ` ${text}`]),
];

export const INIT_MUTATORS: ReadonlyArray<(init: string, bytes: Uint8Array, rng: Rng) => string> = [
  (init, _bytes, rng) => init.slice(0, rng.int(0, init.length - 1)),
  (init, _bytes, rng) => {
    const at = rng.int(5, init.length - 1);
    return init.slice(0, at) + rng.pick(['!', '*', '-', '_', 'A', '/', '=', ' ', 'é', '\u0000']) + init.slice(at + 1);
  },
  (init, _bytes, rng) => {
    const at = rng.int(5, init.length - 1);
    return init.slice(0, at) + init.slice(at + rng.int(1, 3));
  },
  (_init, bytes, rng) => formatInitFrame(bytes.slice(0, rng.int(0, bytes.length - 1))),
  (_init, bytes, rng) => {
    const copy = bytes.slice();
    for (let n = rng.int(1, 8); n > 0; n -= 1) {
      const at = rng.int(0, copy.length - 1);
      copy[at] = copy[at]! ^ (1 << rng.int(0, 7));
    }
    return formatInitFrame(copy);
  },
  (_init, bytes, rng) => {
    // A whole int32 overwritten at an aligned offset: ids, counts and framing words alike.
    const copy = bytes.slice();
    const at = rng.int(0, Math.floor(copy.length / 4) - 1) * 4;
    new DataView(copy.buffer).setInt32(at, rng.pick([-1, 0, 1, 2, 11, 160, 100_000, 0x7fffffff, -0x80000000, 65_536]));
    return formatInitFrame(copy);
  },
  (_init, bytes, rng) => {
    const copy = new Uint8Array(bytes.length + rng.int(1, 256));
    copy.set(bytes);
    for (let i = bytes.length; i < copy.length; i += 1) copy[i] = rng.int(0, 255);
    return formatInitFrame(copy);
  },
  (_init, _bytes, rng) => formatInitFrame(Uint8Array.from({ length: rng.int(0, 4096) }, () => rng.int(0, 255))),
  (init) => init.replace(/ #+\n?$/, ''),
  () => 'INIT\n',
  () => 'INIT \n',
];

const swid = (n: number): string => `{00000000-0000-4000-8000-${String(n).padStart(12, '0')}}`;

/** Hostile but well-formed frames: each parses, and each claims something the truth does not hold. */
export function generatedFrame(rng: Rng, context: { teams: number; picksSoFar: number; players: readonly number[] }): string {
  const team = rng.pick([0, 1, 2, context.teams, context.teams + 1, 99, -1, 2147483647]);
  const player = rng.chance(0.5) && context.players.length > 0 ? rng.pick(context.players) : rng.pick([4_999_101, -16014, 0, 1, 2147483647]);
  const n = context.picksSoFar;
  switch (rng.int(0, 13)) {
    case 0:
      return `SELECTED ${team} ${player} ${rng.int(0, 24)}${rng.chance(0.5) ? ` ${swid(team)}` : ''}\n`;
    case 1:
      return `UNDONE ${rng.pick([0, 1, n - 1, n, n + 1, 5000, 2147483647, -1])}\n`;
    case 2:
      return rng.chance(0.2) ? 'RESET\n' : `STATE ${rng.pick([0, 1, 2, 3, 7, -1])}\n`;
    case 3:
      return rng.pick(['CLOCK\n', 'CLOCK 6\n', 'CLOCK 4\n', 'CLOCK 0 1 2\n', 'CLOCK 6 -5 99\n', 'CLOCK 9 1 2 3 4 5\n', `CLOCK 6 ${rng.int(-1e9, 1e9)} ${team}\n`]);
    case 4:
      return `SELECTING ${team} ${rng.pick([30000, 0, -1, 2147483647])}\n`;
    case 5:
      return rng.pick([`JOINED ${team} ${swid(team)}\n`, `LEFT ${team} ${swid(team)} ${rng.int(0, 2)}\n`, `AUTODRAFT ${team} ${rng.pick(['true', 'false', 'maybe'])}\n`]);
    case 6:
      return rng.pick([`TOKEN 1:${team}:2:${swid(2)}:-1234567890\n`, 'TOKEN\n', `ERROR 1 token+1:1:2:${swid(2)}:-1234567890\n`, 'ERROR 1 %E0%A4%A\n']);
    case 7:
      return rng.pick(['NOMINATION 3 30000\n', 'BID 3 4362628 5 1000 200\n', 'SOLD 3 4362628 x 5 y\n', `SOLD ${team} ${player} 2 5\n`, 'PASSED 3 1 true\n']);
    case 8:
      return rng.pick(['DRAFT_LIST 1 2 3\n', `CHAT 1 ${swid(3)} hello\n`, 'FOO 1 2\n', 'BINARY 12\n', 'PONG\n', 'PONG PING%20-1\n']);
    case 9:
      // Now and then a huge frame, under the hook's 1 MiB limit: the parser must not choke on size.
      if (!rng.chance(0.04)) return `SELECTED ${team} ${player} 2\n`;
      return `${rng.pick(['CLOCK ', 'SELECTED ', 'CHAT 1 ', 'X'])}${'9'.repeat(rng.int(10_000, 200_000))}\n`;
    case 10:
      return `AUTOSUGGEST ${player}\n`;
    default:
      return `SELECTED ${rng.int(1, context.teams)} ${player} ${rng.int(1, 16)}\n`;
  }
}
