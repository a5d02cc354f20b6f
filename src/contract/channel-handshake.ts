/**
 * How the MAIN-world hook hands the isolated relay a private MessagePort.
 *
 * Both content scripts run at document_start: Chrome and Firefox inject them one after the
 * other while the document is still empty, before the parser has created <head> or run any page
 * script, but in no guaranteed order. So:
 *
 *   - the hook creates a MessageChannel, listens for HELLO, and offers port2 once at once;
 *   - the relay listens for OFFER, then says HELLO once;
 *   - whichever runs second completes the exchange synchronously, inside its own start-up:
 *     the hook's OFFER (a MessageEvent carrying port2, dispatched on `document`) reaches the
 *     relay's listener, which takes the port and calls preventDefault() so the hook knows it
 *     was taken. Both sides then remove their listeners.
 *
 * A DOM event dispatched with dispatchEvent is delivered synchronously to the listeners present
 * at that moment, and at document_start there are only ours: no page script has run, so none
 * can be listening, and the port is never visible to the page. (window.postMessage would not do:
 * it delivers in a later task, when page scripts may already be listening.)
 *
 * After start-up nothing from the DOM is accepted: each side takes part only while the
 * document is pristine (no node inside <html> yet), judged with getters captured at start-up,
 * and drops its listener the first time it is called when the document is not. A page script
 * always runs after some node exists inside <html>, so it can neither take the port by sending
 * HELLO nor hand the relay its own port with a forged OFFER, and it can replay nothing: the
 * handshake has no secret to replay, the port is the capability.
 */
export const CHANNEL_OFFER_EVENT = 'draft-watch:channel-offer';
export const CHANNEL_HELLO_EVENT = 'draft-watch:channel-hello';

/** Relay → hook over the private port: the user's silence thresholds, from the worker. */
export interface ChannelConfigMessage {
  silence: unknown;
}
