/** Report and submission-package channels. Merged into the contract in shared/api/contract.ts. */
export const reportChannels = {} as const;
