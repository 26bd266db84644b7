// Calls to the ATSPro API (same origin as this page, so no CORS is involved).
//
// Contract: JSON bodies with snake_case field names; unknown fields are refused (400), so send only documented
// ones. Every error is an RFC 9457 problem document (`application/problem+json`): {type, title, status, detail,
// instance, errors: [{field, message}]}. Lists are {items, page, size, total}.

import { accessToken, refresh } from './auth.js';

/** An error answer of the API, carrying its problem document. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls the API with the user's bearer token. `json` is sent as a JSON body, `body` as is (FormData for
 * uploads: the browser sets the multipart boundary). Answers the parsed JSON, or null for 204.
 * A 401 is retried once after a token refresh (the token may have been revoked or expired in between).
 */
export async function api(path, { method = 'GET', json, body, headers = {} } = {}, retried = false) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  init.headers.Authorization = `Bearer ${await accessToken()}`;
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(`/api/v1${path}`, init);
  if (response.status === 401 && !retried) {
    await refresh();
    return api(path, { method, json, body, headers }, true);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof payload === 'object' ? payload
      : { title: response.statusText || `HTTP ${response.status}`, detail: String(payload).slice(0, 300) });
  }
  return payload;
}

/** Polls `path` every `interval` ms until `done(answer)` holds; gives up after `timeout` ms. */
export async function poll(path, done, { interval = 1000, timeout = 120_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const answer = await api(path);
    if (done(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`Still waiting for ${path} after ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
