// OIDC login for a browser app: the authorization-code flow with PKCE (RFC 7636, S256), no client secret.
//
// The contract with the service: GET /api/v1/client-config (public) answers {issuer, client_id}; the provider's
// discovery document at `${issuer}/.well-known/openid-configuration` names its endpoints. The API wants the
// *access token* as `Authorization: Bearer …` on every /api/v1 call; its audience (atspro-api) is added by the
// provider's client configuration, not asked for here.
//
// Tokens live in sessionStorage: they survive a reload of this tab, not the tab itself, and no other tab or origin
// sees them. Nothing is written to localStorage or cookies.

const STORE = 'atspro.tokens';
const PENDING = 'atspro.login';
/** Refresh this long before the access token expires, so a request never goes out with a dead token. */
const REFRESH_MARGIN_MS = 30_000;

let config;       // {issuer, client_id}
let provider;     // the discovery document
let tokens = read(STORE); // {access_token, refresh_token, id_token, expires_at, claims}
let refreshTimer;
let refreshing;   // the refresh in flight, shared by every caller that needs a fresh token
const listeners = new Set();

function read(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The page's own URL without query or fragment: the redirect and post-logout URI registered for the client. */
export function appUrl() {
  return new URL('./', location.href).href.replace(/[?#].*$/, '');
}

/** Reads the client configuration and the provider's discovery document; call once before anything else. */
export async function init() {
  const response = await fetch('/api/v1/client-config', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`The service did not say where to log in (HTTP ${response.status})`);
  config = await response.json();
  const discovery = await fetch(`${config.issuer}/.well-known/openid-configuration`);
  if (!discovery.ok) throw new Error(`The login provider ${config.issuer} did not answer (HTTP ${discovery.status})`);
  provider = await discovery.json();
  if (provider.issuer !== config.issuer) {
    throw new Error(`The provider calls itself ${provider.issuer}, not ${config.issuer}`);
  }
  if (tokens) scheduleRefresh();
}

export function signedIn() {
  return Boolean(tokens);
}

/** The id token's claims (name, email, preferred_username, …) of the signed-in user. */
export function user() {
  return tokens?.claims;
}

/** Called with true on sign-in and false on sign-out (including a refresh the provider refused). */
export function onChange(listener) {
  listeners.add(listener);
}

function notify() {
  for (const listener of listeners) listener(signedIn());
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** Sends the browser to the provider's login page. */
export async function signIn() {
  const verifier = randomString(32); // 43 characters, inside PKCE's 43–128
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomString(16);
  const nonce = randomString(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce }));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.client_id,
    redirect_uri: appUrl(),
    scope: 'openid profile email',
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(url);
}

/**
 * Finishes a login when the provider sent the browser back here with ?code=…&state=… (or ?error=…).
 * Returns true when it signed the user in. The query is removed from the address bar either way.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return false;
  const pending = read(PENDING);
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', appUrl());
  if (params.has('error')) {
    throw new Error(`The login was not completed: ${params.get('error_description') || params.get('error')}`);
  }
  // state ties this answer to the request this tab made (no login CSRF); nonce ties the id token to it
  if (!pending || params.get('state') !== pending.state) {
    throw new Error('The login answer does not match a login started here (state mismatch); sign in again.');
  }
  const answer = await tokenRequest({
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: appUrl(),
    code_verifier: pending.verifier,
  });
  const claims = idTokenClaims(answer.id_token);
  if (claims.nonce !== pending.nonce) {
    throw new Error('The id token was not issued for this login (nonce mismatch); sign in again.');
  }
  store(answer, claims);
  return true;
}

/**
 * The id token's claims, after the checks a browser client can make. Its signature is not verified here: the
 * token came straight from the token endpoint over the connection this page opened (OIDC Core 3.1.3.7 allows TLS
 * in place of the signature then), and the API verifies every access token it is given anyway.
 */
function idTokenClaims(idToken) {
  const payload = idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
  const claims = JSON.parse(json);
  const audiences = [].concat(claims.aud);
  if (claims.iss !== provider.issuer) throw new Error(`The id token comes from ${claims.iss}, not ${provider.issuer}`);
  if (!audiences.includes(config.client_id)) throw new Error('The id token is not meant for this client');
  if (claims.exp * 1000 < Date.now()) throw new Error('The id token has expired; sign in again.');
  return claims;
}

async function tokenRequest(form) {
  // A cross-origin POST: the provider must allow this page's origin (Keycloak: the client's "Web origins").
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ client_id: config.client_id, ...form }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(`The login provider refused: ${body.error_description || body.error || `HTTP ${response.status}`}`);
  }
  return body;
}

function store(answer, claims) {
  tokens = {
    access_token: answer.access_token,
    // a refresh may answer without a new refresh or id token: keep the ones we have
    refresh_token: answer.refresh_token ?? tokens?.refresh_token,
    id_token: answer.id_token ?? tokens?.id_token,
    expires_at: Date.now() + answer.expires_in * 1000,
    claims: claims ?? tokens?.claims,
  };
  sessionStorage.setItem(STORE, JSON.stringify(tokens));
  scheduleRefresh();
  notify();
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  const wait = Math.max(0, tokens.expires_at - Date.now() - REFRESH_MARGIN_MS);
  refreshTimer = setTimeout(() => refresh().catch(() => {}), wait);
}

/** Trades the refresh token for new tokens; a refusal (session ended at the provider) signs the user out here. */
export function refresh() {
  if (!tokens?.refresh_token) return Promise.reject(new Error('Not signed in'));
  refreshing ??= tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
    .then((answer) => store(answer, answer.id_token ? idTokenClaims(answer.id_token) : undefined))
    .catch((error) => {
      forget();
      throw error;
    })
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

/** A valid access token, refreshed first when it is about to expire. */
export async function accessToken() {
  if (!tokens) throw new Error('Not signed in');
  if (tokens.expires_at - Date.now() < REFRESH_MARGIN_MS) await refresh();
  return tokens.access_token;
}

function forget() {
  clearTimeout(refreshTimer);
  tokens = undefined;
  sessionStorage.removeItem(STORE);
  notify();
}

/**
 * Signs out here and at the provider (RP-initiated logout): the provider ends its session and sends the browser
 * back to this page. id_token_hint says whose session, and lets the provider skip asking "do you want to log out?".
 */
export function signOut() {
  const idToken = tokens?.id_token;
  forget();
  if (!provider.end_session_endpoint) return;
  const url = new URL(provider.end_session_endpoint);
  url.search = new URLSearchParams({
    client_id: config.client_id,
    post_logout_redirect_uri: appUrl(),
    ...(idToken ? { id_token_hint: idToken } : {}),
  });
  location.assign(url);
}
