import { describe, expect, it } from "vitest";
import { csv, duration, eta, percent } from "../src/lib/format";
import { apiBases } from "../src/lib/config";
import { href, parse } from "../src/lib/route";

const counts = (o: Partial<Record<string, number>>) => ({
  total: 0, pending: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0, ...o,
});

describe("format", () => {
  it("writes durations for people", () => {
    expect(duration(42_000)).toBe("42 s");
    expect(duration(125_000)).toBe("2 min 5 s");
    expect(duration(3_720_000)).toBe("1 h 2 min");
    expect(duration(null)).toBe("—");
  });

  it("estimates the time left at the pace so far", () => {
    const start = "2026-01-01T00:00:00Z";
    const now = Date.parse(start) + 60_000;
    expect(eta(counts({ total: 40, succeeded: 8, failed: 2, pending: 30 }), start, now)).toBe(180_000);
    expect(eta(counts({ total: 40, pending: 40 }), start, now)).toBeNull();
    expect(eta(counts({ total: 4, succeeded: 4 }), start, now)).toBeNull();
    expect(percent(counts({ total: 3, succeeded: 1, failed: 1, running: 1 }))).toBe(66);
  });

  it("quotes CSV cells that need it", () => {
    expect(csv(["a", "b"], [{ a: 'x,"y"', b: 1 }, { a: null, b: 2.5 }])).toBe('a,b\r\n"x,""y""",1\r\n,2.5\r\n');
  });

  it("takes API bases from config.js without a trailing slash", () => {
    expect(apiBases({ scheduler: "http://h:8083/" }).scheduler).toBe("http://h:8083");
    expect(apiBases(undefined).results).toBe("/api/results");
  });
});

describe("routes", () => {
  it("parses every screen's URL", () => {
    expect(parse("").screen).toBe("campaigns");
    expect(parse("#/campaigns?status=RUNNING")).toMatchObject({ screen: "campaigns" });
    expect(parse("#/campaigns/abc")).toEqual({ screen: "campaign", id: "abc" });
    expect(parse("#/campaigns/abc/runs?state=FAILED")).toMatchObject({ screen: "runs", id: "abc" });
    expect(parse("#/campaigns/abc/results")).toMatchObject({ screen: "results", id: "abc" });
    expect(parse("#/campaigns/abc/timeline")).toEqual({ screen: "timeline", id: "abc" });
    expect(parse("#/clusters")).toEqual({ screen: "clusters" });
    expect(parse("#/signin")).toEqual({ screen: "signin" });
    expect(parse("#/nowhere")).toEqual({ screen: "notfound", path: "/nowhere" });
  });

  it("leaves empty query values out of links", () => {
    expect(href("/campaigns", { status: "", offset: 25 })).toBe("#/campaigns?offset=25");
  });
});
