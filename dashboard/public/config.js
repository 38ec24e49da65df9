// Where the dashboard finds the SimSwarm APIs: the base each service's own paths are appended to
// (the scheduler's /campaigns/..., the provisioner's /clusters/..., the results service's /campaigns/...).
// Same-origin by default: the gateway (and serve.mjs) route /api/campaigns, /api/clusters and /api/builds
// to their services with /api taken off, and /api/results/X to the results service's /X.
// Replace this file where the services live elsewhere, e.g. scheduler: "http://127.0.0.1:8083".
window.SIMSWARM_API = {
  scheduler: "/api",
  provisioner: "/api",
  build: "/api",
  results: "/api/results",
};

// Sign-in through an OpenID Connect identity provider (optional; the token box stays): its issuer URL and the
// dashboard's client id there, a public client whose redirect URI is this page's address (e.g.
// https://simswarm.example.org/). Optional: scope (default "openid profile"), rolesClaim (the claim holding the
// SimSwarm roles, default "groups", "/" for a nested one such as "realm_access/roles"), label (the button's name).
// The services accept the provider's tokens when they run with SIMSWARM_OIDC_URL (README, Security).
window.SIMSWARM_OIDC = window.SIMSWARM_OIDC ?? null;
