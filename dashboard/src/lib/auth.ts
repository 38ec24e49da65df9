/** The signed-in user's token (kept in sessionStorage) and what its role allows. */
import { oidcSettings, type OidcSettings } from "./oidc";

export type Role = "viewer" | "runner" | "admin";

const KEY = "simswarm.token";
const RANK: Record<Role, number> = { viewer: 0, runner: 1, admin: 2 };

export interface Identity {
  token: string;
  name: string;
  role: Role;
  expiresAt?: Date;
}

/** The claims of a JWT (its payload, base64url JSON), or null for a token that is not a JWT. */
export function claims(token: string): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The strings at a "/"-separated claim path (e.g. "realm_access/roles"), or none. */
export function claimValues(c: Record<string, unknown>, path: string): string[] {
  let value: unknown = c;
  for (const key of path.split("/")) {
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value === "string") return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : [];
}

/**
 * Who a token says its holder is: the highest role of its `groups` claim (for a token of the configured identity
 * provider, of the provider's roles claim). A token that is not a JWT (accepted while the services run without
 * authentication) counts as admin, so that nothing is hidden that the services allow.
 */
export function identify(token: string, oidc: OidcSettings | null = oidcSettings()): Identity {
  const c = claims(token);
  if (!c) return { token, name: "token", role: "admin" };
  const fromProvider = oidc !== null && typeof c.iss === "string" && c.iss.replace(/\/+$/, "") === oidc.issuer;
  const groups = claimValues(c, fromProvider ? oidc.rolesClaim : "groups");
  const roles = groups.filter((g): g is Role => g in RANK);
  const role = roles.reduce<Role>((best, r) => (RANK[r] > RANK[best] ? r : best), "viewer");
  // the services' name of the caller, recorded as the owner of what it submits (MicroProfile JWT's principal)
  const name = String(c.upn ?? c.preferred_username ?? c.sub ?? "user");
  const expiresAt = typeof c.exp === "number" ? new Date(c.exp * 1000) : undefined;
  return { token, name, role, expiresAt };
}

/** Whether a user of `role` may do what needs `needed`. */
export function allows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function signIn(token: string, storage: Storage = sessionStorage): Identity {
  const trimmed = token.trim();
  storage.setItem(KEY, trimmed);
  return identify(trimmed);
}

export function signOut(storage: Storage = sessionStorage): void {
  storage.removeItem(KEY);
}

export function current(storage: Storage = sessionStorage): Identity | null {
  const token = storage.getItem(KEY);
  return token ? identify(token) : null;
}
