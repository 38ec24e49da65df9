import * as Plot from "@observablehq/plot";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { html } from "../lib/html";
import { getJson } from "../lib/api";
import { href } from "../lib/route";
import { bins, ciPoints, scalarKey, varyingItervars } from "../lib/series";
import { saveCsv, savePng, saveSvg } from "../lib/exporting";
import type { AggregatedScalar, Statistic, VectorInfo, VectorPoints } from "../lib/types";
import { ErrorBox, useLoad } from "../components";

const MAX_POINTS = 1000;

/** A plot drawn by Observable Plot into a box, with buttons to export it and its data. */
function Chart({ make, name, columns, rows }: {
  make: () => Element; name: string; columns: string[]; rows: Record<string, unknown>[];
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = make();
    box.current?.replaceChildren(el);
    return () => el.remove();
  }, [make]);
  return html`<div class="chart" data-testid=${"chart-" + name}>
    <div ref=${box}></div>
    <div class="exports">
      <button onClick=${() => box.current && savePng(box.current, name)}>PNG</button>
      <button onClick=${() => box.current && saveSvg(box.current, name)}>SVG</button>
      <button onClick=${() => saveCsv(columns, rows, name)}>CSV</button>
    </div>
  </div>`;
}

function choose(e: Event): string {
  return (e.target as HTMLSelectElement | HTMLInputElement).value;
}

/** Results of a campaign: a scalar's mean with 95 % CI against an iteration variable, a histogram, a vector. */
export function Results({ id, query }: { id: string; query: URLSearchParams }) {
  const go = (changes: Record<string, unknown>) =>
    (location.hash = href(`/campaigns/${id}/results`, { ...Object.fromEntries(query.entries()), ...changes }));
  return html`<section>
    <h1>Results of <a href=${href("/campaigns/" + id)}><code>${id.slice(0, 8)}</code></a></h1>
    <${ScalarPlot} id=${id} query=${query} go=${go} />
    <${HistogramPlot} id=${id} query=${query} go=${go} />
    <${VectorPlot} id=${id} query=${query} go=${go} />
  </section>`;
}

type Props = { id: string; query: URLSearchParams; go: (changes: Record<string, unknown>) => void };

function ScalarPlot({ id, query, go }: Props) {
  const glob = query.get("scalar") ?? "*";
  const [rows, error] = useLoad(
    () => getJson<AggregatedScalar[]>("results", `/campaigns/${id}/scalars`, { name: glob, aggregate: true }),
    [id, glob],
  );
  const keys = useMemo(() => [...new Set((rows ?? []).map(scalarKey))].sort(), [rows]);
  const vars = useMemo(() => varyingItervars(rows ?? []), [rows]);
  const key = keys.includes(query.get("key") ?? "") ? query.get("key")! : keys[0] ?? "";
  const x = vars.includes(query.get("x") ?? "") ? query.get("x")! : vars[0] ?? "";
  const series = query.get("series") ?? (vars.find((v) => v !== x) ?? "");
  const points = useMemo(() => (rows && key && x ? ciPoints(rows, key, x, series) : []), [rows, key, x, series]);
  const make = useMemo(
    () => () =>
      Plot.plot({
        width: 760, height: 380, grid: true, marginLeft: 60,
        x: { label: x }, y: { label: key.split(" ").pop() + " (mean, 95 % CI)" },
        color: { legend: true },
        marks: [
          Plot.ruleX(points, { x: "x", y1: "low", y2: "high", stroke: "series", strokeWidth: 2, className: "ci" }),
          Plot.line(points, { x: "x", y: "mean", stroke: "series" }),
          Plot.dot(points, { x: "x", y: "mean", fill: "series", tip: true }),
        ],
      }),
    [points],
  );
  return html`<div class="panel">
    <h2>Scalar against an iteration variable</h2>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>Scalars <input name="scalar" value=${glob} onChange=${(e: Event) => go({ scalar: choose(e), key: "" })} /></label>
      <label>Scalar <select name="key" value=${key} onChange=${(e: Event) => go({ key: choose(e) })}>
        ${keys.map((k) => html`<option value=${k}>${k}</option>`)}</select></label>
      <label>x axis <select name="x" value=${x} onChange=${(e: Event) => go({ x: choose(e) })}>
        ${vars.map((v) => html`<option value=${v}>${v}</option>`)}</select></label>
      <label>Series <select name="series" value=${series} onChange=${(e: Event) => go({ series: choose(e) })}>
        <option value="">none</option>${vars.filter((v) => v !== x).map((v) => html`<option value=${v}>${v}</option>`)}</select></label>
    </form>
    <${ErrorBox} error=${error} />
    ${rows && !keys.length && html`<p>No scalar matches '${glob}'.</p>`}
    ${points.length > 0 && html`<${Chart} make=${make} name="scalar" rows=${points}
      columns=${["series", "x", "mean", "low", "high", "count"]} />`}
  </div>`;
}

function HistogramPlot({ id, query, go }: Props) {
  const glob = query.get("statistic") ?? "*";
  const [rows, error] = useLoad(
    () => getJson<Statistic[]>("results", `/campaigns/${id}/statistics`, { name: glob }),
    [id, glob],
  );
  const withBins = (rows ?? []).filter((s) => (s.binCounts?.length ?? 0) > 0);
  const pick = Math.min(Number(query.get("stat") ?? 0), Math.max(0, withBins.length - 1));
  const stat = withBins[pick];
  const data = useMemo(() => (stat ? bins(stat) : []), [stat]);
  const make = useMemo(
    () => () => Plot.plot({
      width: 760, height: 300, marginLeft: 60, x: { label: stat?.name }, y: { label: "count", grid: true },
      marks: [Plot.rectY(data, { x1: "x1", x2: "x2", y: "count", fill: "#2f6fdb", inset: 0.5 }), Plot.ruleY([0])],
    }),
    [data],
  );
  return html`<div class="panel">
    <h2>Histogram of a statistic</h2>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>Statistics <input name="statistic" value=${glob} onChange=${(e: Event) => go({ statistic: choose(e), stat: 0 })} /></label>
      <label>Histogram <select value=${String(pick)} onChange=${(e: Event) => go({ stat: choose(e) })}>
        ${withBins.map((s, i) => html`<option value=${String(i)}>run ${s.run}: ${s.module} ${s.name}</option>`)}</select></label>
    </form>
    <${ErrorBox} error=${error} />
    ${rows && !withBins.length && html`<p>No histogram matches '${glob}'.</p>`}
    ${data.length > 0 && html`<${Chart} make=${make} name="histogram" rows=${data} columns=${["x1", "x2", "count"]} />`}
  </div>`;
}

function VectorPlot({ id, query, go }: Props) {
  const glob = query.get("vector") ?? "*";
  const [vectors, error] = useLoad(
    () => getJson<VectorInfo[]>("results", `/campaigns/${id}/vectors`, { name: glob }),
    [id, glob],
  );
  const key = query.get("vkey") ?? vectors?.[0]?.key ?? "";
  const chosen = vectors?.find((v) => v.key === key);
  const [points, pointsError] = useLoad(
    () => (key ? getJson<VectorPoints>("results", `/campaigns/${id}/vectors/${encodeURIComponent(key)}/points`,
      { maxPoints: MAX_POINTS }) : Promise.resolve(undefined)),
    [id, key],
  );
  const [shown, setShown] = useState(0);
  useEffect(() => setShown(points?.points.length ?? 0), [points]);
  const make = useMemo(
    () => () => Plot.plot({
      width: 760, height: 300, marginLeft: 60, grid: true, x: { label: "time (s)" }, y: { label: chosen?.name },
      marks: [Plot.line(points?.points ?? [], { x: "time", y: "value", stroke: "#2f6fdb" })],
    }),
    [points],
  );
  return html`<div class="panel">
    <h2>Vector</h2>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>Vectors <input name="vector" value=${glob} onChange=${(e: Event) => go({ vector: choose(e), vkey: "" })} /></label>
      <label>Vector <select value=${key} onChange=${(e: Event) => go({ vkey: choose(e) })}>
        ${(vectors ?? []).slice(0, 500).map((v) => html`<option value=${v.key}>run ${v.run}: ${v.module} ${v.name}</option>`)}</select></label>
      ${points && html`<span>${shown} of ${points.count} points</span>`}
    </form>
    <${ErrorBox} error=${error || pointsError} />
    ${vectors && !vectors.length && html`<p>No vector matches '${glob}'.</p>`}
    ${points && points.points.length > 0 && html`<${Chart} make=${make} name="vector" rows=${points.points} columns=${["time", "value"]} />`}
  </div>`;
}
