import { describe, expect, it } from "vitest";
import { render } from "preact";
import { html } from "../src/lib/html";
import { StatusBar } from "../src/components";
import { visibleRange, ROW_HEIGHT } from "../src/screens/runs";
import { spans } from "../src/screens/timeline";

describe("StatusBar", () => {
  it("draws one segment per state with runs, sized by its share, and the share done", () => {
    const box = document.createElement("div");
    const runs = { total: 10, pending: 5, running: 1, succeeded: 3, failed: 1, cancelled: 0 };
    render(html`<${StatusBar} runs=${runs} startedAt="2026-01-01T00:00:00Z" now=${Date.parse("2026-01-01T00:01:00Z")} />`, box);
    const segments = [...box.querySelectorAll(".seg")] as HTMLElement[];
    expect(segments.map((s) => s.className)).toEqual(["seg seg-succeeded", "seg seg-failed", "seg seg-running", "seg seg-pending"]);
    expect(segments[0].style.width).toBe("30%");
    expect(box.querySelector("[data-testid=percent]")?.textContent).toBe("40 %");
    expect(box.querySelector("[data-testid=eta]")?.textContent).toBe("ETA 1 min 30 s");
  });
});

describe("StatusBar with batches", () => {
  it("shows the runs queued on workers apart from the running ones", () => {
    const box = document.createElement("div");
    const runs = { total: 20, pending: 6, running: 2, queued: 8, succeeded: 4, failed: 0, cancelled: 0 };
    render(html`<${StatusBar} runs=${runs} />`, box);
    const segments = [...box.querySelectorAll(".seg")] as HTMLElement[];
    expect(segments.map((s) => s.className)).toEqual(["seg seg-succeeded", "seg seg-running", "seg seg-queued", "seg seg-pending"]);
    expect(segments[2].style.width).toBe("40%");
    expect(box.querySelector(".count-queued")?.textContent).toBe("queued 8");
  });
});

describe("runs table", () => {
  it("renders only the rows around the scroll position", () => {
    expect(visibleRange(0, 20, 10_000)).toEqual([0, 30]);
    expect(visibleRange(5000 * ROW_HEIGHT, 20, 10_000)).toEqual([4995, 5025]);
    expect(visibleRange(0, 20, 3)).toEqual([0, 3]);
  });
});

describe("timeline", () => {
  it("puts each started run on its node's lane, a running one until now", () => {
    const now = Date.parse("2026-01-01T00:10:00Z");
    const result = spans([
      { runNumber: 1, state: "SUCCEEDED", attempts: 1, node: "a", startedAt: "2026-01-01T00:00:00Z", finishedAt: "2026-01-01T00:01:00Z" },
      { runNumber: 2, state: "RUNNING", attempts: 1, node: "b", startedAt: "2026-01-01T00:05:00Z" },
      { runNumber: 3, state: "PENDING", attempts: 0 },
    ], now);
    expect(result.map((s) => [s.node, s.run, s.end.getTime() - s.start.getTime()])).toEqual([["a", 1, 60_000], ["b", 2, 300_000]]);
  });
});

describe("full log", () => {
  it("falls back to every attempt's log tail when the run uploaded no output", async () => {
    const { fullLog } = await import("../src/screens/runs");
    const original = globalThis.fetch;
    globalThis.fetch = (async () =>
      new Response(JSON.stringify({ status: 404, detail: "no .out" }), { status: 404 })) as typeof fetch;
    try {
      const text = await fullLog("c", 4, [
        { number: 1, worker: "n/1", startedAt: "", exitCode: 1, logTail: "<!> Error: first" },
        { number: 2, startedAt: "", exitCode: 1, logTail: "<!> Error: second" },
      ]);
      expect(text).toContain("No output of run 4 was uploaded");
      expect(text).toContain("--- attempt 1 on n/1, exit code 1 ---\n<!> Error: first");
      expect(text).toContain("<!> Error: second");
    } finally {
      globalThis.fetch = original;
    }
  });
});
