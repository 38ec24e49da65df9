import { defineConfig } from "vitest/config";

// The dashboard's static files go to dist/, served at / by the gateway (or by serve.mjs in processes mode).
// `npm run dev` proxies /api/<service>/... to services on the ports of the quickstart.
const services: Record<string, number> = { campaigns: 8083, builds: 8082, clusters: 8081, results: 8084 };
const proxy = Object.fromEntries(
  Object.entries(services).map(([name, port]) => [
    `/api/${name}`,
    { target: `http://127.0.0.1:${port}`, rewrite: (path: string) => path.replace(/^\/api/, "") },
  ]),
);

export default defineConfig({
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy },
  test: { environment: "happy-dom", include: ["test/**/*.test.ts"] },
});
