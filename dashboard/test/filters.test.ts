import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { html } from "../src/lib/html";
import { url } from "../src/lib/api";
import { identify } from "../src/lib/auth";
import { ItervarFilter, Runs, runsQuery } from "../src/screens/runs";
import { Campaigns } from "../src/screens/campaigns";
import { Campaign } from "../src/screens/campaign";

function jwt(payload: Record<string, unknown>): string {
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `${b64({ alg: "RS256", typ: "JWT" })}.${b64(payload)}.signature`;
}

/** Answers the dashboard's requests by path from `answers`, and remembers every URL asked for. */
function serve(answers: Record<string, unknown>): string[] {
  const asked: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const requested = String(input);
    asked.push(requested);
    const path = requested.replace(/^\/api/, "").split("?")[0];
    if (!(path in answers)) return new Response(JSON.stringify({ detail: `no ${path}` }), { status: 404 });
    return new Response(JSON.stringify(answers[path]), { status: 200, headers: { ETag: '"1"' } });
  }) as typeof fetch;
  return asked;
}

function queryOf(requested: string): URLSearchParams {
  return new URLSearchParams(requested.split("?")[1] ?? "");
}

const original = globalThis.fetch;
let box: HTMLElement;
beforeEach(() => {
  box = document.createElement("div");
  document.body.append(box);
  location.hash = "";
});
afterEach(() => {
  render(null, box);
  box.remove();
  globalThis.fetch = original;
});

describe("api urls", () => {
  it("repeat a parameter for each value of an array and leave out empty values", () => {
    expect(url("scheduler", "/campaigns/c/runs/page", { itervar: ["n=2", "rho=0.5"], state: "", node: null }))
      .toBe("/api/campaigns/c/runs/page?itervar=n%3D2&itervar=rho%3D0.5");
  });
});

describe("runs filters", () => {
  it("send the screen's iteration variables, sort and direction to the scheduler", () => {
    const query = new URLSearchParams("state=FAILED&iv.n=2&iv.rho=&iv.st=0.5ms&sort=itervar:rho&desc=true");
    expect(runsQuery(query)).toEqual({
      state: "FAILED", node: "", itervar: ["n=2", "st=0.5ms"], sort: "itervar:rho", desc: true,
    });
  });

  it("ask the scheduler for the filtered page and show each run's variables in OMNeT++'s order", async () => {
    const asked = serve({
      "/campaigns/c1/nodes": ["node-a"],
      "/campaigns/c1/itervars": [{ name: "n", values: ["1", "2"] }, { name: "rho", values: ["0.5", "0.7"] }],
      "/campaigns/c1/runs/page": {
        total: 1, offset: 0, limit: 200,
        items: [{ runNumber: 7, state: "FAILED", attempts: 2, node: "node-a", itervars: { n: "2", rho: "0.7" } }],
      },
    });
    render(html`<${Runs} id="c1" query=${new URLSearchParams("iv.n=2&sort=itervar:rho&desc=true")} />`, box);

    await vi.waitFor(() => expect(box.querySelector("[data-run='7']")).not.toBeNull());
    const page = asked.find((a) => a.includes("/runs/page"))!;
    expect(queryOf(page).getAll("itervar")).toEqual(["n=2"]);
    expect(queryOf(page).get("sort")).toBe("itervar:rho");
    expect(queryOf(page).get("desc")).toBe("true");
    const cells = [...box.querySelectorAll("[data-run='7'] span")].map((s) => s.textContent);
    expect(cells.slice(-2)).toEqual(["2", "0.7"]);
    expect(box.querySelector("[data-testid=runs-total]")?.textContent).toBe("1 runs");
    await vi.waitFor(() => expect(box.querySelector("select[name='iv.n']")).not.toBeNull());
    expect((box.querySelector("select[name='iv.n']") as HTMLSelectElement).value).toBe("2");
    expect(box.querySelector("[data-sort='itervar:rho']")?.textContent).toContain("▼");
  });

  it("change the screen's URL when a variable's value is chosen", async () => {
    serve({
      "/campaigns/c2/nodes": [],
      "/campaigns/c2/itervars": [{ name: "rho", values: ["0.5", "0.7"] }],
      "/campaigns/c2/runs/page": { total: 0, offset: 0, limit: 200, items: [] },
    });
    render(html`<${Runs} id="c2" query=${new URLSearchParams("state=FAILED")} />`, box);
    await vi.waitFor(() => expect(box.querySelector("select[name='iv.rho']")).not.toBeNull());

    const select = box.querySelector("select[name='iv.rho']") as HTMLSelectElement;
    select.value = "0.7";
    select.dispatchEvent(new Event("change"));

    expect(new URLSearchParams(location.hash.split("?")[1]).get("iv.rho")).toBe("0.7");
    expect(new URLSearchParams(location.hash.split("?")[1]).get("state")).toBe("FAILED");
  });

  it("offer a text box for an exact value when a variable has very many values", () => {
    const values = Array.from({ length: 500 }, (_, i) => String(i));
    render(html`<${ItervarFilter} variable=${{ name: "seed", values }} value="42" onChange=${() => {}} />`, box);
    expect(box.querySelector("select")).toBeNull();
    expect((box.querySelector("input[name='iv.seed']") as HTMLInputElement).value).toBe("42");
  });
});

describe("campaigns filters", () => {
  const rita = identify(jwt({ upn: "rita", groups: ["runner"] }));
  const page = { total: 0, offset: 0, limit: 25, items: [] };

  it("ask the scheduler for one owner's campaigns and list the owners seen, the user as me", async () => {
    const asked = serve({ "/campaigns/page": page, "/campaigns/owners": ["olga", "rita", "zoe"] });
    render(html`<${Campaigns} query=${new URLSearchParams("owner=olga&status=FAILED")} identity=${rita} />`, box);

    await vi.waitFor(() => expect(box.querySelectorAll("select[name=owner] option").length).toBe(4));
    const request = queryOf(asked.find((a) => a.includes("/campaigns/page"))!);
    expect(request.get("owner")).toBe("olga");
    expect(request.get("status")).toBe("FAILED");
    const options = [...box.querySelectorAll("select[name=owner] option")].map((o) => o.textContent);
    expect(options).toEqual(["anyone", "olga", "rita (me)", "zoe"]);
  });

  it("show the signed-in user's own campaigns with one click", async () => {
    serve({ "/campaigns/page": page, "/campaigns/owners": [] });
    render(html`<${Campaigns} query=${new URLSearchParams("status=RUNNING")} identity=${rita} />`, box);

    (box.querySelector("[data-testid=mine]") as HTMLButtonElement).click();

    const hash = new URLSearchParams(location.hash.split("?")[1]);
    expect(hash.get("owner")).toBe("rita");
    expect(hash.get("status")).toBe("RUNNING");
  });

  it("offer no shortcut to a token that names nobody", () => {
    serve({ "/campaigns/page": page, "/campaigns/owners": [] });
    render(html`<${Campaigns} query=${new URLSearchParams()} identity=${identify("opaque-token")} />`, box);
    expect(box.querySelector("[data-testid=mine]")).toBeNull();
  });
});

describe("campaign header", () => {
  it("shows the owner, the build and the image the campaign runs", async () => {
    serve({
      "/campaigns/c3/progress": {
        id: "c3", status: "RUNNING", cluster: "local", repoUrl: "file:///p", config: "MMc", runCommand: "./queueing",
        maxParallel: 2, retries: 1, runTimeoutSeconds: 60, cpusPerRun: 1, memoryPerRun: "2g", owner: "rita",
        buildId: "b-17", baseImage: "simswarm/toolchain:bookworm", buildCommand: "make",
        image: "127.0.0.1:5050/simswarm/runs:0123456789abcdef",
        imageDigest: "sha256:" + "ab".repeat(32), baseImageDigest: "sha256:" + "cd".repeat(32),
        simulatorVersion: "OMNeT++ 6.1, build: 241008-f7568267cd",
        runs: { total: 2, pending: 1, running: 1, succeeded: 0, failed: 0, cancelled: 0 },
        submittedAt: "2026-01-01T00:00:00Z",
      },
    });
    render(html`<${Campaign} id="c3" identity=${identify(jwt({ upn: "rita", groups: ["viewer"] }))} />`, box);

    await vi.waitFor(() => expect(box.querySelector("[data-testid=owner]")?.textContent).toBe("rita"));
    expect(box.querySelector("[data-testid=build]")?.textContent).toBe("b-17 on simswarm/toolchain:bookworm, make");
    expect(box.querySelector("[data-testid=image]")?.textContent).toBe("127.0.0.1:5050/simswarm/runs:0123456789abcdef");
    expect(box.querySelector("[data-testid=digests]")?.textContent)
      .toBe(`sha256:${"ab".repeat(32)}, base image sha256:${"cd".repeat(32)}`);
    expect(box.querySelector("[data-testid=simulator]")?.textContent).toBe("OMNeT++ 6.1, build: 241008-f7568267cd");
    expect(box.textContent).toContain("2g memory per run");
  });

  it("says the simulator's version is unknown and shows no digests before the build and expansion", async () => {
    serve({
      "/campaigns/c4/progress": {
        id: "c4", status: "BUILDING", cluster: "local", repoUrl: "file:///p", config: "MMc", runCommand: "./queueing",
        maxParallel: 2, retries: 1, runTimeoutSeconds: 60, cpusPerRun: 1, owner: "rita",
        runs: { total: 0, pending: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 },
        submittedAt: "2026-01-01T00:00:00Z",
      },
    });
    render(html`<${Campaign} id="c4" identity=${identify(jwt({ upn: "rita", groups: ["viewer"] }))} />`, box);

    await vi.waitFor(() => expect(box.querySelector("[data-testid=simulator]")?.textContent).toBe("—"));
    expect(box.querySelector("[data-testid=digests]")).toBeNull();
  });
});
