import { describe, expect, it } from "vitest";
import {
  csv, duration, eta, itervarText, limitRatio, percent, pointRuns, pointState, pointsSummary, precision, relativeLimit,
  significant,
} from "../src/lib/format";
import type { Measure, Point } from "../src/lib/types";
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

const measure = (o: Partial<Measure>): Measure => ({
  target: "queueingTime:mean ci95<=2%", name: "queueingTime:mean", module: "Queueing.sink",
  count: 4, mean: 0.0123, halfWidth: 0.00031, limit: 0.000246, met: false, ...o,
});

describe("precision format", () => {
  it("writes numbers to three significant digits", () => {
    expect(significant(0.000246)).toBe("0.000246");
    expect(significant(2.5203252)).toBe("2.52");
    expect(significant(1.398)).toBe("1.4");
    expect(significant(123456)).toBe("123000");
    expect(significant(null)).toBe("—");
    expect(significant(Number.NaN)).toBe("—");
  });

  it("reads the percentage of a relative target and nothing from an absolute one", () => {
    expect(relativeLimit("queueingTime:mean ci95<=2%")).toBe(2);
    expect(relativeLimit("a b:mean ci95 <= 2.5 %")).toBe(2.5);
    expect(relativeLimit("x ci95<=1e1%")).toBe(10);
    expect(relativeLimit("delay:max ci95<=0.5")).toBeNull();
  });

  it("shows the half-width of a relative target as a percentage of the mean, against the target's percentage", () => {
    expect(precision(measure({}))).toBe("2.52 % > 2 %");
    expect(precision(measure({ halfWidth: 0.000172, met: true }))).toBe("1.4 % ≤ 2 %");
    expect(precision(measure({ target: "t ci95<=5%", mean: -4, halfWidth: 0.05, limit: 0.2 }))).toBe("1.25 % ≤ 5 %");
  });

  it("shows absolute targets, and relative ones of a zero mean, as numbers", () => {
    expect(precision(measure({ target: "delay:max ci95<=0.5", mean: 3, halfWidth: 0.25, limit: 0.5 }))).toBe("0.25 ≤ 0.5");
    expect(precision(measure({ target: "delay:max ci95<=0.5", mean: 3, halfWidth: 0.75, limit: 0.5 }))).toBe("0.75 > 0.5");
    expect(precision(measure({ mean: 0, halfWidth: 0.1, limit: 0 }))).toBe("0.1 > 0");
  });

  it("says there is no interval yet while the half-width is unknown", () => {
    expect(precision(measure({ count: 1, halfWidth: null }))).toBe("— (≤ 2 %)");
    expect(precision(measure({ target: "d ci95<=0.5", count: 1, halfWidth: null, limit: 0.5 }))).toBe("— (≤ 0.5)");
  });

  it("measures the half-width in limits, when there are both", () => {
    expect(limitRatio(measure({ halfWidth: 0.2, limit: 0.5 }))).toBe(0.4);
    expect(limitRatio(measure({}))).toBeCloseTo(1.26, 2);
    expect(limitRatio(measure({ halfWidth: null }))).toBeNull();
    expect(limitRatio(measure({ limit: 0 }))).toBeNull();
  });

  it("sums up the points: those within target, then open, at budget and without data when there are any", () => {
    expect(pointsSummary({ total: 3, open: 1, met: 2, budget: 0, noData: 0 })).toBe("2 of 3 points within target, 1 open");
    expect(pointsSummary({ total: 4, open: 0, met: 1, budget: 2, noData: 1 }))
      .toBe("1 of 4 points within target, 2 at budget, 1 without data");
    expect(pointsSummary({ total: 1, open: 0, met: 1, budget: 0, noData: 0 })).toBe("1 of 1 point within target");
  });

  it("names the states of a point and counts its runs against its most", () => {
    expect(["OPEN", "MET", "BUDGET", "NO_DATA"].map((s) => pointState(s as Point["state"])))
      .toEqual(["open", "met", "at budget", "no data"]);
    const point: Point = {
      itervars: [{ name: "rho", value: "0.5" }, { name: "n", value: "2" }], state: "OPEN",
      runs: 6, succeeded: 4, failed: 0, maxRuns: 50, measures: [], evaluatedAt: null,
    };
    expect(pointRuns(point)).toBe("6 / 50");
    expect(pointRuns({ ...point, maxRuns: null })).toBe("6");
    expect(itervarText(point.itervars)).toBe("rho=0.5, n=2");
    expect(itervarText([])).toBe("—");
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
