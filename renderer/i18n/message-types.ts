/** The shape every language part follows: the same keys as its Vietnamese part, any strings. */
export type PartMessages<T> = { readonly [K in keyof T]: string };

/** t(key, params): the lookup the screens use (kept here, free of React, so pure modules can type it). */
export type Params = Record<string, string | number>;
export type TFunction = (key: import('./vi').MessageKey, params?: Params) => string;
