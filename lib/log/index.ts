import "server-only";

/** Structured logs and request ids (decision 017). */
export { log, createLogger, levelFrom, REDACTED_FIELDS, requestContext, noteRequestUser, type RequestContext } from "./logger";
export { requestIdFrom, REQUEST_ID_HEADER } from "./request-id";
export { api, makeApi } from "./api";
export { logRequestError } from "./request-error";
