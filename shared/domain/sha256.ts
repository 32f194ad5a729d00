/** A SHA-256 as the app writes it everywhere (criteria-set hashes, evidence blob names, package
 *  manifests): 64 lower-case hex digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;
