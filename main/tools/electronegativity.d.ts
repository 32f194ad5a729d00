/** @doyensec/electronegativity ships no types; scan-electron.ts declares the part it uses. */
declare module '@doyensec/electronegativity';
