import type { browser as extensionBrowser } from 'wxt/browser';
import { VIEW_PORT_NAME } from '../contract/view-port';

type Browser = typeof extensionBrowser;
type Port = ReturnType<Browser['runtime']['connect']>;

/** What the worker's port registry offers (src/worker/view-ports.ts); adapters never import the worker. */
export interface ViewPortSink {
  onMessage(port: Port, raw: unknown): Promise<void>;
  onDisconnect(port: Port): void;
}

/** Accepts the popup's live-view ports; ports from content scripts (their URL is the page's) or with other names are refused. */
export function listenForViewPorts(browser: Browser, ports: ViewPortSink): void {
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== VIEW_PORT_NAME || port.sender?.url?.startsWith(extensionOrigin) !== true) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((raw: unknown) => void ports.onMessage(port, raw));
    port.onDisconnect.addListener(() => ports.onDisconnect(port));
  });
}
