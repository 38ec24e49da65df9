// Serves the built dashboard (dist/) and its API on one local port, as the gateway does in the stack:
// /api/results/X goes to the results service's /X; /api/campaigns..., /api/builds..., /api/clusters... go to
// the scheduler, build and provisioner services with /api taken off. Everything else is a file of dist/.
//
//   node serve.mjs            (port SIMSWARM_DASHBOARD_PORT, default 8080)
//   SIMSWARM_SCHEDULER_URL, SIMSWARM_BUILD_URL, SIMSWARM_PROVISIONER_URL, SIMSWARM_RESULTS_URL: where the services
//   listen (default the quickstart's 127.0.0.1:8083, 8082, 8081, 8084).
//   SIMSWARM_OIDC_URL + SIMSWARM_OIDC_CLIENT_ID (+ SIMSWARM_OIDC_ROLES_CLAIM): sign-in through that identity provider,
//   added to config.js as window.SIMSWARM_OIDC.
import http from "node:http";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "dist");
const env = process.env;
const port = Number(env.SIMSWARM_DASHBOARD_PORT ?? 8080);
const routes = [
  ["/api/results/", env.SIMSWARM_RESULTS_URL ?? "http://127.0.0.1:8084", "/api/results"],
  ["/api/campaigns", env.SIMSWARM_SCHEDULER_URL ?? "http://127.0.0.1:8083", "/api"],
  ["/api/builds", env.SIMSWARM_BUILD_URL ?? "http://127.0.0.1:8082", "/api"],
  ["/api/clusters", env.SIMSWARM_PROVISIONER_URL ?? "http://127.0.0.1:8081", "/api"],
];
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
  ".png": "image/png", ".json": "application/json", ".ico": "image/x-icon",
};

function proxy(req, res, target, strip) {
  const url = new URL(req.url.slice(strip.length) || "/", target);
  const upstream = http.request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", (e) => {
    if (!res.headersSent) res.writeHead(502, { "Content-Type": "application/problem+json" });
    res.end(JSON.stringify({ title: "Bad Gateway", status: 502, detail: `The service at ${target} cannot be reached (${e.code}).` }));
  });
  req.pipe(upstream);
}

const oidc = env.SIMSWARM_OIDC_URL && env.SIMSWARM_OIDC_CLIENT_ID
  ? { issuer: env.SIMSWARM_OIDC_URL, clientId: env.SIMSWARM_OIDC_CLIENT_ID, rolesClaim: env.SIMSWARM_OIDC_ROLES_CLAIM }
  : null;

function config(res) {
  const base = existsSync(join(root, "config.js")) ? readFileSync(join(root, "config.js"), "utf8") : "";
  res.writeHead(200, { "Content-Type": "text/javascript", "Cache-Control": "no-cache" });
  res.end(`${base}\nwindow.SIMSWARM_OIDC = ${JSON.stringify(oidc)};\n`);
}

function file(req, res) {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  let full = join(root, path);
  if (!full.startsWith(root) || !existsSync(full) || statSync(full).isDirectory()) full = join(root, "index.html");
  if (!existsSync(full)) {
    res.writeHead(503, { "Content-Type": "text/plain" });
    return res.end("The dashboard is not built: run `mvn -pl dashboard package` (or npm run build in dashboard/).\n");
  }
  res.writeHead(200, { "Content-Type": types[extname(full)] ?? "application/octet-stream", "Cache-Control": "no-cache" });
  createReadStream(full).pipe(res);
}

const server = http.createServer((req, res) => {
  const route = routes.find(([prefix]) => req.url.startsWith(prefix) || req.url + "/" === prefix);
  if (route) proxy(req, res, route[1], route[2]);
  else if (oidc && new URL(req.url, "http://x").pathname === "/config.js") config(res);
  else file(req, res);
});
server.listen(port, "127.0.0.1", () => console.log(`dashboard on http://127.0.0.1:${port}/`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
