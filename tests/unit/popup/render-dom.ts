import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';

/**
 * Renders a component into a fresh linkedom document (no browser, no jsdom): enough DOM for
 * Preact to mount, update and dispatch events, so tests read what the user would read.
 */
export interface Rendered {
  root: HTMLElement;
  window: ReturnType<typeof parseHTML>['window'];
  text(): string;
  all(selector: string): Element[];
  one(selector: string): Element;
  /** Clicks an element and lets Preact re-render. */
  click(element: Element): Promise<void>;
  key(element: Element, key: string): Promise<void>;
}

export function renderDom(node: ComponentChild): Rendered {
  const { document, window } = parseHTML('<!doctype html><html lang="en"><body><div id="app"></div></body></html>');
  // Preact creates elements through the global document.
  (globalThis as { document?: unknown }).document = document;
  const root = document.getElementById('app') as unknown as HTMLElement;
  render(node, root);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    root,
    window,
    text: () => (root.textContent ?? '').replace(/\s+/g, ' ').trim(),
    all: (selector) => Array.from(root.querySelectorAll(selector)),
    one: (selector) => {
      const found = root.querySelector(selector);
      if (!found) throw new Error(`nothing matches ${selector}`);
      return found;
    },
    click: async (element) => {
      element.dispatchEvent(new window.Event('click', { bubbles: true }));
      await settle();
    },
    key: async (element, key) => {
      const event = new window.Event('keydown', { bubbles: true, cancelable: true }) as Event & { key: string };
      Object.defineProperty(event, 'key', { value: key });
      element.dispatchEvent(event);
      await settle();
    },
  };
}

export function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of each cell of a table row, as a screen reader would read them one by one. */
export function cellsOf(row: Element): string[] {
  return Array.from(row.querySelectorAll('td, th')).map(textOf);
}
