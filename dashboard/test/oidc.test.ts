import { describe, expect, it } from "vitest";
import { beginSignIn, challengeOf, completeSignIn, oidcSettings } from "../src/lib/oidc";
import { claimValues, identify } from "../src/lib/auth";
import { jwt } from "./auth.test";

const settings = oidcSettings({ issuer: "https://idp.example.org/realms/lab/", clientId: "simswarm-dashboard" })!;

function memory(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (k: string) => items.get(k) ?? null,
    key: (i: number) => [...items.keys()][i] ?? null,
    removeItem: (k: string) => void items.delete(k),
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

/** A provider answering discovery and the token endpoint; `calls` records what was asked. */
function provider(token: Record<string, unknown>, status = 200) {
  const calls: { url: string; body?: string }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, body: init?.body as string | undefined });
    if (url.endsWith("/.well-known/openid-configuration")) {
      return new Response(JSON.stringify({ authorization_endpoint: "https://idp.example.org/auth",
        token_endpoint: "https://idp.example.org/token" }), { status: 200 });
    }
    return new Response(JSON.stringify(token), { status });
  }) as typeof fetch;
  return { calls, fetchFn };
}

describe("oidc settings", () => {
  it("needs an issuer and a client id and fills in the rest", () => {
    expect(oidcSettings(null)).toBeNull();
    expect(oidcSettings({ issuer: "https://idp" })).toBeNull();
    expect(settings).toEqual({ issuer: "https://idp.example.org/realms/lab", clientId: "simswarm-dashboard",
      scope: "openid profile", rolesClaim: "groups", label: "idp.example.org" });
  });
});

describe("sign-in through the identity provider", () => {
  it("sends the browser to the authorization endpoint with an S256 challenge of a remembered verifier", async () => {
    const storage = memory();
    const { fetchFn, calls } = provider({ access_token: "at" });
    let went = "";
    await beginSignIn(settings, "https://simswarm.example.org/", (u) => (went = u), storage, fetchFn);
    const url = new URL(went);
    expect(url.origin + url.pathname).toBe("https://idp.example.org/auth");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: "code", client_id: "simswarm-dashboard",
      redirect_uri: "https://simswarm.example.org/", scope: "openid profile", code_challenge_method: "S256" });
    const pending = JSON.parse(storage.getItem("simswarm.oidc.pending")!);
    expect(url.searchParams.get("state")).toBe(pending.state);
    expect(url.searchParams.get("code_challenge")).toBe(await challengeOf(pending.verifier));
    expect(calls[0].url).toBe("https://idp.example.org/realms/lab/.well-known/openid-configuration");
  });

  it("computes the RFC 7636 example challenge", async () => {
    expect(await challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
      .toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  it("trades the code for the access token with the verifier, once", async () => {
    const storage = memory();
    const { fetchFn, calls } = provider({ access_token: "the-token" });
    let went = "";
    await beginSignIn(settings, "https://simswarm.example.org/", (u) => (went = u), storage, fetchFn);
    const state = new URL(went).searchParams.get("state");
    const verifier = JSON.parse(storage.getItem("simswarm.oidc.pending")!).verifier;
    expect(await completeSignIn(`?code=abc&state=${state}`, storage, fetchFn)).toBe("the-token");
    const sent = new URLSearchParams(calls[calls.length - 1].body);
    expect(Object.fromEntries(sent)).toEqual({ grant_type: "authorization_code", code: "abc",
      redirect_uri: "https://simswarm.example.org/", client_id: "simswarm-dashboard", code_verifier: verifier });
    await expect(completeSignIn(`?code=abc&state=${state}`, storage, fetchFn)).rejects.toThrow("not started in this tab");
  });

  it("ignores a page that is no answer of the provider", async () => {
    expect(await completeSignIn("?x=1", memory(), provider({}).fetchFn)).toBeNull();
  });

  it("says why a sign-in did not complete", async () => {
    const storage = memory();
    await expect(completeSignIn("?error=access_denied&error_description=End-User%20aborted", storage,
      provider({}).fetchFn)).rejects.toThrow("The identity provider refused the sign-in: End-User aborted.");
    let went = "";
    const refusing = provider({ error: "invalid_grant", error_description: "grant request is invalid" }, 400);
    await beginSignIn(settings, "https://s/", (u) => (went = u), storage, refusing.fetchFn);
    const state = new URL(went).searchParams.get("state");
    await expect(completeSignIn(`?code=abc&state=${state}`, storage, refusing.fetchFn))
      .rejects.toThrow("The identity provider gave no token: grant request is invalid.");
  });
});

describe("roles of a provider's token", () => {
  const nested = oidcSettings({ issuer: "https://idp/realms/lab", clientId: "c", rolesClaim: "realm_access/roles" });

  it("come from the configured claim for the provider's tokens only", () => {
    const token = jwt({ iss: "https://idp/realms/lab", preferred_username: "olivia",
      realm_access: { roles: ["offline_access", "runner"] }, groups: ["admin"] });
    expect(identify(token, nested)).toMatchObject({ name: "olivia", role: "runner" });
    const own = jwt({ iss: "simswarm", sub: "ada", groups: ["admin"] });
    expect(identify(own, nested).role).toBe("admin");
  });

  it("read nested claims, arrays and space-separated strings", () => {
    expect(claimValues({ a: { b: ["x", 1, "y"] } }, "a/b")).toEqual(["x", "y"]);
    expect(claimValues({ scope: "viewer runner" }, "scope")).toEqual(["viewer", "runner"]);
    expect(claimValues({}, "a/b")).toEqual([]);
  });
});
