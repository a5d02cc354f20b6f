/* eslint-disable @typescript-eslint/unbound-method -- the hook captures built-ins unbound on purpose and calls them later through a bound Function.prototype.call, so the page cannot swap them */
/**
 * Built-ins the MAIN-world hook needs after start-up, captured while it is the first code in
 * the page (document_start, before any page script). Later the page may replace any global,
 * prototype method or getter; the hook calls only these captured originals, through bound
 * `call`, so no property lookup on a page-owned object happens at run time.
 *
 * Imported only by the hook's entrypoint and by tests: importing this module is what captures.
 */

type AnyFunction = (...args: never[]) => unknown;

const functionCall = Function.prototype.call;
/** `uncurry(String.prototype.charCodeAt)(text, 1)` = the original `text.charCodeAt(1)`, whatever the page does later. */
export const uncurry = <T extends AnyFunction>(method: T) => functionCall.bind(method) as unknown as (self: unknown, ...args: unknown[]) => unknown;

// Named exports, not one object: the minifier can then shorten every name in the page script.
export const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const getter = (proto: object | undefined, key: string): ((self: unknown) => unknown) | null => {
  const get = proto === undefined ? undefined : getOwnPropertyDescriptor(proto, key)?.get;
  return get === undefined ? null : uncurry(get as AnyFunction);
};

export const stringCharCodeAt = uncurry(String.prototype.charCodeAt) as (text: string, index: number) => number;
export const hasOwn = uncurry(Object.prototype.hasOwnProperty) as (self: object, key: string) => boolean;
export const weakMapGet = uncurry(WeakMap.prototype.get) as <K extends object, V>(map: WeakMap<K, V>, key: K) => V | undefined;
export const weakMapSet = uncurry(WeakMap.prototype.set) as <K extends object, V>(map: WeakMap<K, V>, key: K, value: V) => void;
export const setPrototypeOf = Object.setPrototypeOf;
export const now = Date.now;
export const numberIsFinite = Number.isFinite;
export const reflectApply = Reflect.apply;
export const reflectConstruct = Reflect.construct;
export const defineProperty = Object.defineProperty;

/** An array with no prototype: `list[list.length] = x` can then never reach a page-defined index setter. */
export function newList<T>(): T[] {
  return setPrototypeOf([], null) as T[];
}

/** `startsWith` without String.prototype: the page cannot make the hook misread a frame. */
export function startsWith(text: string, prefix: string): boolean {
  if (text.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i += 1) {
    if (stringCharCodeAt(text, i) !== stringCharCodeAt(prefix, i)) return false;
  }
  return true;
}
