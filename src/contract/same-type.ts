/**
 * Compile-time proof that a schema describes exactly a type owned elsewhere: `SameType<A, B>`
 * is `true` only when each is assignable to the other. Used where the core still declares the
 * type itself, so a change on either side fails `tsc` instead of silently stripping a field.
 */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;
