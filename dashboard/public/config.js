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
