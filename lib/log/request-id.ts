/**
 * Request ids: an incoming `x-request-id` is kept when it looks like one (a load balancer or a
 * client may have logged it already), anything else is replaced by a fresh UUID. Pure apart from
 * the random UUID, so the proxy (pages) and the API wrapper share it.
 */
export const REQUEST_ID_HEADER = "x-request-id";
const SANE = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && SANE.test(incoming) ? incoming : globalThis.crypto.randomUUID();
}
