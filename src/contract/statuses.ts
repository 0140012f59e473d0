/**
 * Status codes the web app's router checks in the address bar; in a module without schemas so the
 * router's chunk does not carry them.
 */
export const consultationStatuses = ['open', 'referred', 'handedOver', 'closed'] as const;
export const handoverStatuses = ['pending', 'accepted', 'returned'] as const;
