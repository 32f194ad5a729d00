/** The criteria-set draft model used by the editor ("Soạn bộ chỉ số") and its storage. */
export * from './draft-schema';
export * from './draft-from-set';
export * from './draft-to-set';
export * from './draft-check';
export * from './draft-edits';
export * from './draft-sums';
