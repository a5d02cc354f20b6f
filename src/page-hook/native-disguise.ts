import { defineProperty, getOwnPropertyDescriptor, reflectApply, setPrototypeOf, weakMapGet, weakMapSet } from './intrinsics';

/**
 * Makes the hook's Proxies print like the natives they wrap. V8 prints any callable Proxy as
 * `function () { [native code] }`, so `Function.prototype.toString.call(WebSocket)` would tell a
 * page that something wraps its WebSocket. Function.prototype.toString is replaced by a Proxy of
 * itself that answers with the original's text for the functions registered here (itself
 * included) and defers to the native one for everything else.
 */
export function installNativeDisguise(functionPrototype: { toString: () => string }): (disguised: object, original: object) => void {
  const nativeToString = functionPrototype.toString;
  const sourceOf = new WeakMap<object, string>();
  const handler: ProxyHandler<() => string> = {
    apply(target: () => string, self: unknown, args: unknown[]): string {
      const source = typeof self === 'function' ? weakMapGet(sourceOf, self) : undefined;
      return source !== undefined ? source : reflectApply(target, self, args as []);
    },
  };
  // No prototype: a page that adds traps to Object.prototype cannot reach into this handler.
  setPrototypeOf(handler, null);
  const toStringProxy = new Proxy(nativeToString, handler);
  const disguise = (disguised: object, original: object): void => {
    weakMapSet(sourceOf, disguised, reflectApply(nativeToString, original, []));
  };
  disguise(toStringProxy, nativeToString);
  const descriptor = getOwnPropertyDescriptor(functionPrototype, 'toString');
  defineProperty(functionPrototype, 'toString', { ...descriptor, value: toStringProxy });
  return disguise;
}
