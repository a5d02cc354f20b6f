import { CHANNEL_HELLO_EVENT, CHANNEL_OFFER_EVENT } from '../contract/channel-handshake';

/**
 * The relay's end of the private channel (see src/contract/channel-handshake.ts). Runs in the isolated
 * world, whose built-ins the page cannot touch. Calls `connected` once with the hook's port, or
 * never if no genuine offer arrives while the document is pristine.
 */
export function acceptHookChannel(doc: Document, connected: (port: MessagePort) => void): void {
  let taken = false;
  const pristine = (): boolean => doc.documentElement !== null && doc.documentElement.firstChild === null;

  const onOffer = (event: Event): void => {
    if (taken || !pristine()) {
      doc.removeEventListener(CHANNEL_OFFER_EVENT, onOffer);
      return;
    }
    const port = (event as MessageEvent).ports?.[0];
    if (port === undefined) return;
    taken = true;
    event.preventDefault();
    event.stopImmediatePropagation();
    doc.removeEventListener(CHANNEL_OFFER_EVENT, onOffer);
    connected(port);
  };
  doc.addEventListener(CHANNEL_OFFER_EVENT, onOffer);
  doc.dispatchEvent(new CustomEvent(CHANNEL_HELLO_EVENT));
}
