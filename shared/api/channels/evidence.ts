/** Evidence channels (tài liệu kiểm chứng). Merged into the contract in shared/api/contract.ts. */
export const evidenceChannels = {} as const;
