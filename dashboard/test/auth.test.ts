import { describe, expect, it } from "vitest";
import { allows, claims, current, identify, signIn, signOut } from "../src/lib/auth";

export function jwt(payload: Record<string, unknown>): string {
  const b64 = (o: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o))))
      .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `${b64({ alg: "RS256", typ: "JWT" })}.${b64(payload)}.signature`;
}

describe("auth", () => {
  it("reads the highest role of the groups claim", () => {
    const id = identify(jwt({ preferred_username: "ada", groups: ["viewer", "runner"], exp: 2000000000 }));
    expect(id).toMatchObject({ name: "ada", role: "runner" });
    expect(id.expiresAt?.getUTCFullYear()).toBe(2033);
  });

  it("makes a JWT without a known role a viewer", () => {
    expect(identify(jwt({ sub: "bob", groups: ["staff"] })).role).toBe("viewer");
    expect(identify(jwt({ sub: "bob" })).role).toBe("viewer");
  });

  it("decodes base64url payloads with characters outside ASCII", () => {
    expect(claims(jwt({ sub: "zoë?>" }))).toEqual({ sub: "zoë?>" });
    expect(claims("not-a-jwt")).toBeNull();
    expect(claims("a.%%%.c")).toBeNull();
  });

  it("ranks the roles", () => {
    expect(allows("admin", "runner")).toBe(true);
    expect(allows("runner", "runner")).toBe(true);
    expect(allows("viewer", "runner")).toBe(false);
  });

  it("keeps the token in session storage until sign-out", () => {
    signIn("  " + jwt({ sub: "eve", groups: ["admin"] }) + "\n");
    expect(current()?.role).toBe("admin");
    expect(sessionStorage.getItem("simswarm.token")).not.toMatch(/\s/);
    signOut();
    expect(current()).toBeNull();
  });
});
