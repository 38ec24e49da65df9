import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "preact/hooks";
import { html } from "../lib/html";
import { getJson } from "../lib/api";
import { href } from "../lib/route";
import type { Run } from "../lib/types";
import { ErrorBox, useLoad } from "../components";

const COLOURS = { SUCCEEDED: "#2e9e4f", FAILED: "#d1352b", RUNNING: "#2f6fdb", UPLOADED: "#6b9bea", CANCELLED: "#8c8c8c" };

/** The bars of a Gantt strip: one per run that started, on its node's lane, until it ended (or now). */
export function spans(runs: Run[], now: number = Date.now()) {
  return runs
    .filter((r) => r.startedAt && r.node)
    .map((r) => ({
      node: r.node!,
      run: r.runNumber,
      state: r.state,
      start: new Date(r.startedAt!),
      end: new Date(r.finishedAt ? r.finishedAt : now),
    }));
}

/** Runs per node over time: idle nodes show as gaps, stragglers as long bars at the end. */
export function Timeline({ id }: { id: string }) {
  const [runs, error] = useLoad(() => getJson<Run[]>("scheduler", `/campaigns/${id}/runs`), [id]);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!runs) return;
    const data = spans(runs);
    const nodes = new Set(data.map((d) => d.node)).size;
    const plot = Plot.plot({
      width: 900, height: Math.max(120, 40 + nodes * 36), marginLeft: 140,
      x: { type: "time", label: "time" }, y: { label: null },
      color: { domain: Object.keys(COLOURS), range: Object.values(COLOURS), legend: true },
      marks: [Plot.barX(data, { y: "node", x1: "start", x2: "end", fill: "state", inset: 1, title: (d: { run: number }) => `run ${d.run}` })],
    });
    box.current?.replaceChildren(plot);
  }, [runs]);
  return html`<section>
    <h1>Timeline of <a href=${href("/campaigns/" + id)}><code>${id.slice(0, 8)}</code></a></h1>
    <${ErrorBox} error=${error} />
    <div class="chart" data-testid="timeline" ref=${box}></div>
  </section>`;
}
