import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "preact";
import { html } from "../src/lib/html";
import { identify } from "../src/lib/auth";
import { Campaign, Precision } from "../src/screens/campaign";
import type { Campaign as CampaignData, Measure, Point } from "../src/lib/types";

const QUEUEING = "queueingTime:mean ci95<=2%";
const DELAY = "delay:max ci95<=0.5";

function campaign(o: Partial<CampaignData> = {}): CampaignData {
  return {
    id: "c7", status: "RUNNING", cluster: "local", repoUrl: "file:///p", config: "MMc", runCommand: "./queueing",
    maxParallel: 2, retries: 1, runTimeoutSeconds: 60, cpusPerRun: 1,
    runs: { total: 20, pending: 8, running: 2, succeeded: 10, failed: 0, cancelled: 0 },
    submittedAt: "2026-12-07T17:00:00Z",
    until: [QUEUEING, DELAY], maxRepetitions: 50, points: { total: 4, open: 2, met: 1, budget: 1, noData: 0 },
    ...o,
  };
}

function measure(o: Partial<Measure>): Measure {
  return {
    target: QUEUEING, name: "queueingTime:mean", module: "Queueing.sink", count: 4, mean: 0.0123,
    halfWidth: 0.00031, limit: 0.000246, met: false, ...o,
  };
}

function point(o: Partial<Point>): Point {
  return {
    itervars: [{ name: "rho", value: "0.5" }], state: "OPEN", runs: 6, succeeded: 4, failed: 0, maxRuns: 50,
    measures: [], evaluatedAt: "2026-12-07T18:00:00Z", ...o,
  };
}

const delay = (o: Partial<Measure>) => measure({ target: DELAY, name: "delay:max", mean: 3, limit: 0.5, ...o });

const POINTS: Point[] = [
  point({ measures: [measure({}), delay({ halfWidth: 0.2, met: true })] }),
  point({
    itervars: [{ name: "rho", value: "0.7" }], state: "MET", runs: 12, succeeded: 12,
    measures: [
      measure({ mean: 20, halfWidth: 0.25, limit: 0.4, met: true }),
      delay({ module: "Queueing.sink1", halfWidth: 0.3, met: true }),
      delay({ module: "Queueing.sink2", halfWidth: 0.25, met: true }),
    ],
  }),
  point({ itervars: [{ name: "rho", value: "0.9" }], runs: 2, succeeded: 1, measures: [], evaluatedAt: null }),
  point({
    itervars: [{ name: "rho", value: "0.95" }], state: "BUDGET", runs: 50, succeeded: 48, failed: 2,
    measures: [measure({ mean: 2, halfWidth: 0.06, limit: 0.04 }), delay({ halfWidth: 0.5, met: true })],
  }),
];

/**
 * Answers the dashboard's requests by path from `answers` as the scheduler does: with an ETag of the answer, and 304
 * to a request whose If-None-Match names it. Remembers every path asked for.
 */
function scheduler(answers: Record<string, unknown>): string[] {
  const asked: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input).replace(/^\/api/, "").split("?")[0];
    asked.push(path);
    if (!(path in answers)) return new Response(JSON.stringify({ detail: `no ${path}` }), { status: 404 });
    const body = JSON.stringify(answers[path]);
    const tag = `"${[...body].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 0)}"`;
    const sent = (init?.headers as Record<string, string> | undefined)?.["If-None-Match"];
    if (sent === tag) return new Response(null, { status: 304 });
    return new Response(body, { status: 200, headers: { ETag: tag } });
  }) as typeof fetch;
  return asked;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
const row = (box: HTMLElement, index: number) => box.querySelector(`[data-point='${index}']`)!;
const cells = (box: HTMLElement, index: number) => [...row(box, index).querySelectorAll("td")].map(text);
const admin = identify("opaque-token");

const original = globalThis.fetch;
let box: HTMLElement;
beforeEach(() => {
  box = document.createElement("div");
  document.body.append(box);
});
afterEach(() => {
  render(null, box);
  box.remove();
  globalThis.fetch = original;
  vi.useRealTimers();
});

describe("precision of a campaign with targets", () => {
  it("shows the targets, the summary and each point's runs, half-widths against limits and state", async () => {
    const asked = scheduler({ "/campaigns/c7/progress": campaign(), "/campaigns/c7/points": POINTS });
    render(html`<${Campaign} id="c7" identity=${admin} />`, box);

    await vi.waitFor(() => expect(box.querySelector("[data-point='3']")).not.toBeNull());
    expect(asked).toContain("/campaigns/c7/points");
    expect(text(box.querySelector("[data-testid=targets]")))
      .toBe("Repetitions until queueingTime:mean ci95<=2%, delay:max ci95<=0.5, at most 50 per point");
    expect(text(box.querySelector("[data-testid=points-summary]"))).toBe("1 of 4 points within target, 2 open, 1 at budget");
    expect([...box.querySelectorAll(".precision th")].map(text)).toEqual(["Point", "Runs", QUEUEING, DELAY, "State"]);

    expect(cells(box, 0)).toEqual(["rho=0.5", "6 / 50", "2.52 % > 2 %", "0.2 ≤ 0.5", "open"]);
    expect(cells(box, 2)).toEqual(["rho=0.9", "2 / 50", "—", "—", "open"]);
    expect(cells(box, 3)).toEqual(["rho=0.95", "50 / 50", "3 % > 2 %", "0.5 ≤ 0.5", "at budget"]);
    expect([...row(box, 1).querySelectorAll(".measure")].map(text))
      .toEqual(["1.25 % ≤ 2 %", "Queueing.sink1 0.3 ≤ 0.5", "Queueing.sink2 0.25 ≤ 0.5"]);
    expect(row(box, 3).querySelectorAll("td")[1].getAttribute("title"))
      .toBe("48 succeeded, 2 failed");
    expect(row(box, 2).querySelector(".badge")!.parentElement!.getAttribute("title")).toBe("not evaluated yet");
    expect([...box.querySelectorAll(".precision .badge")].map((b) => b.className))
      .toEqual(["badge badge-open", "badge badge-met", "badge badge-open", "badge badge-budget"]);
  });

  it("draws the half-width against the limit as a bar, full at the limit and beyond", async () => {
    scheduler({ "/campaigns/c7/progress": campaign(), "/campaigns/c7/points": POINTS });
    render(html`<${Campaign} id="c7" identity=${admin} />`, box);

    await vi.waitFor(() => expect(box.querySelector("[data-point='3']")).not.toBeNull());
    const bars = (index: number) =>
      ([...row(box, index).querySelectorAll(".ratio span")] as HTMLElement[]).map((b) => [b.className, b.style.width]);
    expect(bars(0)).toEqual([["over", "100%"], ["within", "40%"]]);
    expect(bars(1)).toEqual([["within", "62.5%"], ["within", "60%"], ["within", "50%"]]);
    expect(bars(2)).toEqual([]);
    expect(row(box, 0).querySelector(".measure")!.getAttribute("title"))
      .toBe("Queueing.sink queueingTime:mean: 4 values, mean 0.0123, half-width 0.00031, limit 0.000246");
  });

  it("asks for the points again when the campaign changed, and not while the scheduler answers 304", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const answers: Record<string, unknown> = {
      "/campaigns/c7/progress": campaign(),
      "/campaigns/c7/points": [point({ measures: [measure({})] })],
    };
    const asked = scheduler(answers);
    const count = (path: string) => asked.filter((a) => a === path).length;
    render(html`<${Campaign} id="c7" identity=${admin} />`, box);
    await vi.waitFor(() => expect(text(row(box, 0).querySelector(".badge"))).toBe("open"));
    expect(count("/campaigns/c7/points")).toBe(1);

    await vi.advanceTimersByTimeAsync(2000);
    await vi.waitFor(() => expect(count("/campaigns/c7/progress")).toBeGreaterThanOrEqual(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(count("/campaigns/c7/points")).toBe(1);

    answers["/campaigns/c7/progress"] = campaign({ points: { total: 1, open: 0, met: 1, budget: 0, noData: 0 } });
    answers["/campaigns/c7/points"] = [point({ state: "MET", runs: 9, measures: [measure({ halfWidth: 0.0002, met: true })] })];
    await vi.advanceTimersByTimeAsync(2000);
    await vi.waitFor(() => expect(text(row(box, 0).querySelector(".badge"))).toBe("met"));
    expect(cells(box, 0).slice(0, 3)).toEqual(["rho=0.5", "9 / 50", "1.63 % ≤ 2 %"]);
    expect(text(box.querySelector("[data-testid=points-summary]"))).toBe("1 of 1 point within target");
    expect(count("/campaigns/c7/points")).toBe(2);
  });

  it("asks for the points again at the next poll after they could not be read, though the campaign is unchanged", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const answers: Record<string, unknown> = { "/campaigns/c7/progress": campaign() };
    const asked = scheduler(answers);
    render(html`<${Campaign} id="c7" identity=${admin} />`, box);
    await vi.waitFor(() => expect(text(box.querySelector("[role=alert]"))).toBe("no /campaigns/c7/points"));
    expect(text(box.querySelector("[data-testid=precision]"))).toContain("Loading points…");

    answers["/campaigns/c7/points"] = [point({ measures: [measure({})] })];
    await vi.advanceTimersByTimeAsync(2000);
    await vi.waitFor(() => expect(cells(box, 0)[2]).toBe("2.52 % > 2 %"));
    expect(box.querySelector("[role=alert]")).toBeNull();
    expect(asked.filter((a) => a === "/campaigns/c7/points").length).toBe(2);
  });

  it("is left out for a campaign without targets, which is never asked for points", async () => {
    const asked = scheduler({
      "/campaigns/c8/progress": campaign({ id: "c8", until: null, maxRepetitions: null, points: null }),
    });
    render(html`<${Campaign} id="c8" identity=${admin} />`, box);

    await vi.waitFor(() => expect(box.querySelector("[data-testid=owner]")).not.toBeNull());
    expect(box.querySelector("[data-testid=precision]")).toBeNull();
    expect(asked.some((a) => a.endsWith("/points"))).toBe(false);
  });

  it("says when there is no limit on repetitions and no point yet", () => {
    render(html`<${Precision} campaign=${campaign({ maxRepetitions: null, until: [QUEUEING] })} points=${[]} />`, box);
    expect(text(box.querySelector("[data-testid=targets]")))
      .toBe("Repetitions until queueingTime:mean ci95<=2%, with no limit on repetitions");
    expect(text(box.querySelector("[data-testid=precision]"))).toContain("No parameter points yet.");
  });

  it("shows what the API sends as text, never as markup", () => {
    const target = "<b>x</b>:mean ci95<=1%";
    const points = [point({
      itervars: [{ name: "<i>v</i>", value: "<img src=x onerror=alert(1)>" }],
      measures: [
        measure({ target, module: "<script>m</script>" }),
        measure({ target, module: "<u>second</u>" }),
      ],
    })];
    render(html`<${Precision} campaign=${campaign({ until: [target] })} points=${points} />`, box);

    expect(box.querySelector("b, i, img, script, u")).toBeNull();
    expect(text(box.querySelector("[data-testid=targets]"))).toContain(target);
    expect(cells(box, 0)[0]).toBe("<i>v</i>=<img src=x onerror=alert(1)>");
    expect(text(row(box, 0).querySelector(".module"))).toBe("<script>m</script>");
  });
});
