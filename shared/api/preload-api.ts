/**
 * The shape of `window.parApi`, the only thing the preload script exposes to the renderer: one
 * function per contract channel, derived from the contract, so a new channel appears here by
 * itself. Types only.
 */
import type { Channel, InputOf, OutputOf } from './contract';
import type { Result } from './result';

export type PreloadApi = { readonly [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };

/** The global name the preload exposes (`window.parApi`). */
export type PreloadGlobalName = 'parApi';
