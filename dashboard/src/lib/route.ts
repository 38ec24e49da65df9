/** Hash routes: #/campaigns, #/campaigns/ID, #/campaigns/ID/runs, #/campaigns/ID/results, ... */

export type Route =
  | { screen: "signin" }
  | { screen: "campaigns"; query: URLSearchParams }
  | { screen: "campaign"; id: string }
  | { screen: "runs"; id: string; query: URLSearchParams }
  | { screen: "results"; id: string; query: URLSearchParams }
  | { screen: "timeline"; id: string }
  | { screen: "clusters" }
  | { screen: "notfound"; path: string };

export function parse(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/campaigns";
  const [path, qs = ""] = raw.split("?", 2);
  const query = new URLSearchParams(qs);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "signin" && parts.length === 1) return { screen: "signin" };
  if (parts[0] === "clusters" && parts.length === 1) return { screen: "clusters" };
  if (parts[0] === "campaigns") {
    if (parts.length === 1) return { screen: "campaigns", query };
    const id = parts[1];
    if (parts.length === 2) return { screen: "campaign", id };
    if (parts.length === 3 && parts[2] === "runs") return { screen: "runs", id, query };
    if (parts.length === 3 && parts[2] === "results") return { screen: "results", id, query };
    if (parts.length === 3 && parts[2] === "timeline") return { screen: "timeline", id };
  }
  return { screen: "notfound", path };
}

export function href(path: string, query: Record<string, unknown> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return "#" + path + (qs ? "?" + qs : "");
}
