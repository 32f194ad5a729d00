/** `out<T>()` declares a channel's output type in the contract; the value is a phantom. */
export const out = <T>() => null as unknown as T;
