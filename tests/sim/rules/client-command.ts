/** A frame a draft client sends, as the engine acts on it. PING is the socket's business. */
export type ClientCommand =
  | { kind: 'select'; playerArg: string | undefined }
  | { kind: 'autodraft'; on: boolean }
  | { kind: 'draft-list'; queue: number[] };

/** Parses one client frame (without its "\n"); null for anything the engine ignores. */
export function parseClientCommand(text: string): ClientCommand | null {
  const [command = '', ...args] = text.split(' ');
  switch (command) {
    case 'SELECT':
      return { kind: 'select', playerArg: args[0] };
    case 'AUTODRAFT':
      if (args[0] !== 'true' && args[0] !== 'false') return null;
      return { kind: 'autodraft', on: args[0] === 'true' };
    case 'DRAFT_LIST':
      return { kind: 'draft-list', queue: args.filter((a) => a !== '').map(Number).filter((n) => Number.isInteger(n)) };
    default:
      return null;
  }
}
