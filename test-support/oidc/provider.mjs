// The identity provider of the tests that sign in through OpenID Connect: node-oidc-provider, a certified
// OpenID provider, with its development login form (any password), on 127.0.0.1.
//
//   PORT                      where it listens (default 18090); the issuer is http://127.0.0.1:PORT
//   SIMSWARM_OIDC_REDIRECTS   comma-separated redirect URIs of the dashboard's public client (simswarm-dashboard)
//
// Access tokens are RS256 JWTs for the resource (audience) "simswarm" and carry the user's SimSwarm roles in the
// claim "groups": the login "olivia" is a runner, "viola" a viewer, "adam" an admin; anyone else has no role.
// Machine clients (client_credentials grant, secret = client id + "-secret"): "ci-runner", "ci-viewer", "ci-admin".
import { generateKeyPairSync } from "node:crypto";
import Provider from "oidc-provider";

const port = Number(process.env.PORT ?? 18090);
const issuer = `http://127.0.0.1:${port}`;
const redirects = (process.env.SIMSWARM_OIDC_REDIRECTS ?? "http://127.0.0.1:18080/").split(",").filter(Boolean);
const AUDIENCE = "simswarm";
const ROLES = { olivia: ["runner"], viola: ["viewer"], adam: ["admin"], "ci-runner": ["runner"],
  "ci-viewer": ["viewer"], "ci-admin": ["admin"] };

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "test-idp", use: "sig", alg: "RS256" };

const machine = (id) => ({ client_id: id, client_secret: `${id}-secret`, grant_types: ["client_credentials"],
  response_types: [], redirect_uris: [] });

const provider = new Provider(issuer, {
  jwks: { keys: [signingKey] },
  clients: [
    { client_id: "simswarm-dashboard", token_endpoint_auth_method: "none", application_type: "web",
      grant_types: ["authorization_code"], response_types: ["code"], redirect_uris: redirects },
    machine("ci-runner"), machine("ci-viewer"), machine("ci-admin"),
  ],
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => "urn:simswarm:api",
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: "api", audience: AUDIENCE, accessTokenFormat: "jwt",
        jwt: { sign: { alg: "RS256" } } }),
    },
  },
  scopes: ["openid", "profile", "api"],
  claims: { openid: ["sub"], profile: ["preferred_username"] },
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, preferred_username: id }) }),
  extraTokenClaims: (_ctx, token) => {
    const who = token.accountId ?? token.clientId;
    return { preferred_username: who, groups: ROLES[who] ?? [] };
  },
  ttl: { AccessToken: 3600, ClientCredentials: 3600 },
});
provider.proxy = false;
const server = provider.listen(port, "127.0.0.1", () => console.log(`identity provider ${issuer}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
