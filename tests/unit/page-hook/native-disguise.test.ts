import { afterEach, describe, expect, it } from 'vitest';
import { installNativeDisguise } from '../../../src/page-hook/native-disguise';

const saved = Object.getOwnPropertyDescriptor(Function.prototype, 'toString')!;

describe('installNativeDisguise', () => {
  afterEach(() => {
    Object.defineProperty(Function.prototype, 'toString', saved);
  });

  it('prints a registered Proxy, and toString itself, exactly like the originals; everything else unchanged', () => {
    const nativeToString = Function.prototype.toString;
    const original = Math.max;
    const originalSource = nativeToString.call(original);
    const toStringSource = nativeToString.call(nativeToString);
    const proxy = new Proxy(original, {});
    const disguise = installNativeDisguise(Function.prototype);
    expect(Function.prototype.toString).not.toBe(nativeToString);
    // What V8 prints for any callable Proxy: the giveaway this module exists to hide.
    expect(Function.prototype.toString.call(proxy)).not.toBe(originalSource);
    disguise(proxy, original);
    expect(Function.prototype.toString.call(proxy)).toBe(originalSource);
    expect(String(proxy)).toBe(originalSource);
    expect(Function.prototype.toString.call(Function.prototype.toString)).toBe(toStringSource);
    expect(Function.prototype.toString.name).toBe('toString');
    function page(a: number): number {
      return a;
    }
    expect(String(page)).toBe(nativeToString.call(page));
    expect(() => Function.prototype.toString.call({})).toThrow(TypeError);
  });
});
