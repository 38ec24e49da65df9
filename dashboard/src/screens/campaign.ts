import { useEffect, useMemo, useState } from "preact/hooks";
import { html } from "../lib/html";
import { ConditionalGet, postJson } from "../lib/api";
import { allows, type Identity } from "../lib/auth";
import { duration, when } from "../lib/format";
import { href } from "../lib/route";
import type { Campaign as CampaignData } from "../lib/types";
import { Badge, ErrorBox, StatusBar, useInterval } from "../components";

const ENDED = ["SUCCEEDED", "FAILED", "CANCELLED"];
const POLL_MS = 2000;

/** A campaign: its settings, a live status bar (conditional polling of its progress) and its actions. */
export function Campaign({ id, identity }: { id: string; identity: Identity }) {
  const poll = useMemo(() => new ConditionalGet<CampaignData>("scheduler", `/campaigns/${id}/progress`), [id]);
  const [campaign, setCampaign] = useState<CampaignData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () =>
    poll.next().then(
      (c) => {
        if (c) setCampaign(c);
        setError(null);
      },
      setError,
    );
  useEffect(() => void refresh(), [poll]);
  useInterval(() => {
    if (!campaign || !ENDED.includes(campaign.status) || campaign.runs.running > 0) void refresh();
  }, POLL_MS);

  const act = (action: "cancel" | "retry-failed") => {
    setBusy(true);
    postJson<CampaignData>("scheduler", `/campaigns/${id}/${action}`)
      .then((c) => setCampaign(c), setError)
      .finally(() => setBusy(false));
  };
  if (!campaign) return html`<section><h1>Campaign ${id}</h1><${ErrorBox} error=${error} /><p>Loading…</p></section>`;
  const c = campaign;
  const mayRun = allows(identity.role, "runner");
  const ended = ENDED.includes(c.status);
  return html`<section>
    <h1>Campaign <code>${c.id.slice(0, 8)}</code> <${Badge} status=${c.status} /></h1>
    <nav class="tabs">
      <a href=${href(`/campaigns/${id}/runs`)}>Runs</a>
      <a href=${href(`/campaigns/${id}/results`)}>Results</a>
      <a href=${href(`/campaigns/${id}/timeline`)}>Timeline</a>
    </nav>
    <${ErrorBox} error=${error} />
    <${StatusBar} runs=${c.runs} startedAt=${c.startedAt} />
    <div class="actions">
      ${mayRun && !ended && html`<button class="danger" disabled=${busy} onClick=${() => act("cancel")}>Cancel campaign</button>`}
      ${mayRun && c.runs.failed > 0 && html`<button disabled=${busy} onClick=${() => act("retry-failed")}>Retry failed runs</button>`}
    </div>
    ${c.error && html`<p class="error">${c.error}</p>`}
    <dl class="header">
      <dt>Owner</dt><dd data-testid="owner">${c.owner ?? "—"}</dd>
      <dt>Repository</dt><dd>${c.repoUrl}${c.ref ? ` (${c.ref})` : ""}${c.workdir ? `, folder ${c.workdir}` : ""}</dd>
      <dt>Commit</dt><dd><code>${c.commit ?? "—"}</code></dd>
      <dt>Build</dt><dd data-testid="build">${c.buildId ? html`<code>${c.buildId}</code>` : "—"}${c.baseImage ? html` on <code>${c.baseImage}</code>` : ""}${c.buildCommand ? html`, <code>${c.buildCommand}</code>` : ""}</dd>
      <dt>Image</dt><dd data-testid="image"><code>${c.image ?? "—"}</code></dd>
      ${c.imageDigest && html`<dt>Digests</dt><dd data-testid="digests"><code>${c.imageDigest}</code>${c.baseImageDigest ? html`, base image <code>${c.baseImageDigest}</code>` : ""}</dd>`}
      <dt>Simulator</dt><dd data-testid="simulator">${c.simulatorVersion ?? "—"}</dd>
      <dt>Config</dt><dd>${c.config}${c.iniFile ? ` in ${c.iniFile}` : ""}</dd>
      <dt>Run filter</dt><dd>${c.runFilter || "all runs"}</dd>
      <dt>Cluster</dt><dd>${c.cluster}</dd>
      <dt>Settings</dt><dd>${c.maxParallel} in parallel, ${c.retries} retries, ${c.cpusPerRun} CPU${c.memoryPerRun ? ` and ${c.memoryPerRun} memory` : ""} per run,
        timeout ${duration(c.runTimeoutSeconds * 1000)}; <code>${c.runCommand}</code>${c.simArgs ? html` <code>${c.simArgs}</code>` : ""}</dd>
      <dt>Submitted</dt><dd>${when(c.submittedAt)}</dd>
      <dt>Started</dt><dd>${when(c.startedAt)}</dd>
      <dt>Finished</dt><dd>${when(c.finishedAt)} ${c.durationMs !== undefined && c.durationMs !== null ? `(${duration(c.durationMs)})` : ""}</dd>
    </dl>
  </section>`;
}
