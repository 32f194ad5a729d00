/** The shape every language part follows: the same keys as its Vietnamese part, any strings. */
export type PartMessages<T> = { readonly [K in keyof T]: string };
