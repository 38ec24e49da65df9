import { describe, expect, it } from "vitest";
import { bins, ciPoints, varyingItervars } from "../src/lib/series";
import type { AggregatedScalar } from "../src/lib/types";

const row = (n: string, c: string, mean: number, ci?: number): AggregatedScalar => ({
  config: "MMc", itervars: { n, c }, module: "Net.sink", name: "meanWait", count: 3, mean, min: 0, max: 0,
  ci95HalfWidth: ci,
});

describe("series", () => {
  it("makes mean points with CI bounds, numeric x sorted by value, one series per value", () => {
    const rows = [row("10", "2", 5, 1), row("2", "2", 3, 0.5), row("2", "1", 4)];
    const points = ciPoints(rows, "Net.sink meanWait", "n", "c");
    expect(points).toEqual([
      { x: 2, series: "c=1", mean: 4, low: 4, high: 4, count: 3 },
      { x: 2, series: "c=2", mean: 3, low: 2.5, high: 3.5, count: 3 },
      { x: 10, series: "c=2", mean: 5, low: 4, high: 6, count: 3 },
    ]);
    expect(varyingItervars(rows)).toEqual(["n", "c"]);
  });

  it("gives each histogram bin its upper bound", () => {
    expect(bins({ run: 0, module: "m", name: "s", count: 6, mean: 1, binLowerBounds: [-Infinity, 0, 1, 2],
      binCounts: [0, 1, 2, 3] })).toEqual([
      { x1: 0, x2: 1, count: 1 }, { x1: 1, x2: 2, count: 2 }, { x1: 2, x2: 3, count: 3 },
    ]);
  });
});
