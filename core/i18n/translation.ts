/** A catalogue area in another language: exactly the English area's keys, each a string. */
export type Translation<English> = { readonly [Key in keyof English]: string };
