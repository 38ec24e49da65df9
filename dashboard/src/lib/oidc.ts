/**
 * Sign-in through an OpenID Connect identity provider, when config.js names one (window.SIMSWARM_OIDC): the
 * authorization code flow with PKCE (S256) as a public client. The access token it yields is sent to the APIs like a
 * SimSwarm token; the services verify it with the provider's keys.
 */

export interface OidcSettings {
  /** The provider's issuer URL; its discovery document is at /.well-known/openid-configuration below it. */
  issuer: string;
  /** The dashboard's client id at the provider (a public client whose redirect URI is this page's address). */
  clientId: string;
  /** Scopes asked for; default "openid profile". */
  scope: string;
  /** The claim that holds the SimSwarm roles, "/"-separated for a nested one; default "groups". */
  rolesClaim: string;
  /** The name on the sign-in button; default the issuer's host. */
  label: string;
}

interface Pending {
  state: string;
  verifier: string;
  tokenEndpoint: string;
  redirectUri: string;
  clientId: string;
}

const PENDING = "simswarm.oidc.pending";

/** The provider settings of config.js, or null when none is configured or they lack the issuer or client id. */
export function oidcSettings(
  source: unknown = (globalThis as { SIMSWARM_OIDC?: unknown }).SIMSWARM_OIDC,
): OidcSettings | null {
  if (!source || typeof source !== "object") return null;
  const given = source as Record<string, unknown>;
  const text = (key: string) => (typeof given[key] === "string" && (given[key] as string).trim()) || "";
  const issuer = text("issuer").replace(/\/+$/, "");
  const clientId = text("clientId");
  if (!issuer || !clientId) return null;
  let host = issuer;
  try {
    host = new URL(issuer).host;
  } catch {
    /* keep the issuer as it was written */
  }
  return {
    issuer,
    clientId,
    scope: text("scope") || "openid profile",
    rolesClaim: text("rolesClaim") || "groups",
    label: text("label") || host,
  };
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The PKCE S256 challenge of a verifier. */
export async function challengeOf(verifier: string): Promise<string> {
  if (!crypto.subtle) throw new Error("Signing in through the identity provider needs this page on https (or localhost).");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

async function discover(settings: OidcSettings, fetchFn: typeof fetch): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetchFn(`${settings.issuer}/.well-known/openid-configuration`);
  } catch {
    throw new Error(`The identity provider at ${settings.issuer} cannot be reached.`);
  }
  const body = response.ok ? await response.json().catch(() => null) : null;
  if (!body || typeof body.authorization_endpoint !== "string" || typeof body.token_endpoint !== "string") {
    throw new Error(`${settings.issuer} does not describe itself as an OpenID provider (status ${response.status}).`);
  }
  return body;
}

/**
 * Starts a sign-in: remembers a fresh state and PKCE verifier for this tab, then sends the browser to the provider's
 * authorization endpoint. `redirectUri` is where the provider sends the user back (this page without query or hash).
 */
export async function beginSignIn(
  settings: OidcSettings,
  redirectUri: string,
  go: (url: string) => void = (url) => location.assign(url),
  storage: Storage = sessionStorage,
  fetchFn: typeof fetch = fetch,
): Promise<void> {
  const discovery = await discover(settings, fetchFn);
  const pending: Pending = {
    state: randomString(24),
    verifier: randomString(48),
    tokenEndpoint: discovery.token_endpoint as string,
    redirectUri,
    clientId: settings.clientId,
  };
  const url = new URL(discovery.authorization_endpoint as string);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: settings.clientId,
    redirect_uri: redirectUri,
    scope: settings.scope,
    state: pending.state,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: "S256",
  }).toString();
  storage.setItem(PENDING, JSON.stringify(pending));
  go(url.toString());
}

/**
 * Completes a sign-in when the provider sent the browser back here (`search` holds `code` and `state`, or `error`):
 * exchanges the code for an access token and returns it. Returns null when `search` is not such an answer.
 */
export async function completeSignIn(
  search: string,
  storage: Storage = sessionStorage,
  fetchFn: typeof fetch = fetch,
): Promise<string | null> {
  const params = new URLSearchParams(search);
  if (!params.has("code") && !params.has("error")) return null;
  const saved = storage.getItem(PENDING);
  storage.removeItem(PENDING);
  if (params.has("error")) {
    throw new Error(`The identity provider refused the sign-in: ${params.get("error_description") ?? params.get("error")}.`);
  }
  const pending = saved ? (JSON.parse(saved) as Pending) : null;
  if (!pending || pending.state !== params.get("state")) {
    throw new Error("This sign-in was not started in this tab (its state does not match): sign in again.");
  }
  let response: Response;
  try {
    response = await fetchFn(pending.tokenEndpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: params.get("code") ?? "",
        redirect_uri: pending.redirectUri,
        client_id: pending.clientId,
        code_verifier: pending.verifier,
      }).toString(),
    });
  } catch {
    throw new Error("The identity provider's token endpoint cannot be reached.");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.access_token !== "string") {
    throw new Error(`The identity provider gave no token: ${body.error_description ?? body.error ?? response.status}.`);
  }
  return body.access_token;
}
