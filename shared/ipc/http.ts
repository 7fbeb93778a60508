/** Browser-mode wire protocol: `POST /api/<method>` with a JSON body, answered by an envelope. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_TOKEN_COOKIE = 'shenbao_token';
export const HTTP_TOKEN_QUERY = 'token';
/** A custom header the page must send: a cross-site form post cannot set it. */
export const HTTP_CSRF_HEADER = 'x-shenbao';
/** Fits a 50 MB attachment as Base64 (4/3 of its size) plus the JSON around it. */
export const HTTP_MAX_BODY_BYTES = 72 * 1024 * 1024;
