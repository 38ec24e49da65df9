import { useState } from "preact/hooks";
import { html } from "../lib/html";
import { getJson, postJson } from "../lib/api";
import { allows, type Identity } from "../lib/auth";
import { ErrorBox, useLoad } from "../components";

interface NodeView { id: string; hostname: string; role: string; state: string; availability: string; cpus: number }
interface ClusterView {
  name: string; provider: string; state: string; failureReason?: string; workers: number;
  nodes: NodeView[]; nodesError?: string; runningCampaigns: number; instanceType?: string;
}
interface CostReport { currency: string; totalHours: number; estimate: number }

/** Clusters, their nodes and cost so far; admins create, resize, halt and resume them. */
export function Clusters({ identity }: { identity: Identity }) {
  const [clusters, error, reload] = useLoad(() => getJson<ClusterView[]>("provisioner", "/clusters"), []);
  const [actionError, setActionError] = useState<unknown>(null);
  const admin = allows(identity.role, "admin");
  const act = (path: string, body?: unknown) =>
    postJson("provisioner", path, body).then(() => (setActionError(null), reload()), setActionError);
  const create = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    void act("/clusters", { name: form.get("name"), provider: form.get("provider"), workers: Number(form.get("workers")) });
  };
  return html`<section>
    <h1>Clusters</h1>
    <${ErrorBox} error=${error || actionError} />
    ${clusters?.map((c) => html`<${ClusterCard} cluster=${c} admin=${admin} act=${act} />`)}
    ${clusters && !clusters.length && html`<p>No cluster yet.</p>`}
    ${admin && html`<form class="panel filters" onSubmit=${create} data-testid="create-cluster">
      <h2>New cluster</h2>
      <label>Name <input name="name" required pattern="[a-z][a-z0-9-]{0,39}" /></label>
      <label>Provider <select name="provider"><option>local</option><option>aws</option></select></label>
      <label>Workers <input name="workers" type="number" min="0" value="1" /></label>
      <button type="submit">Create</button>
    </form>`}
  </section>`;
}

function ClusterCard({ cluster: c, admin, act }: { cluster: ClusterView; admin: boolean; act: (path: string, body?: unknown) => void }) {
  const [cost] = useLoad(() => getJson<CostReport>("provisioner", `/clusters/${c.name}/cost`).catch(() => undefined), [c.name]);
  const [workers, setWorkers] = useState(c.workers);
  return html`<div class="panel cluster" data-testid=${"cluster-" + c.name}>
    <h2>${c.name} <span class=${"badge badge-" + c.state.toLowerCase()}>${c.state}</span></h2>
    <p>${c.provider}${c.instanceType ? `, ${c.instanceType}` : ""}; ${c.workers} worker(s); ${c.runningCampaigns} campaign(s) running;
      cost so far ${cost ? `${cost.estimate.toFixed(2)} ${cost.currency} (${cost.totalHours.toFixed(1)} instance-hours)` : "—"}</p>
    ${c.failureReason && html`<p class="error">${c.failureReason}</p>`}
    ${c.nodesError && html`<p class="error">${c.nodesError}</p>`}
    <table class="grid"><thead><tr><th>Node</th><th>Role</th><th>State</th><th>Availability</th><th>CPUs</th></tr></thead>
      <tbody>${c.nodes.map((n) => html`<tr><td>${n.hostname}</td><td>${n.role}</td><td>${n.state}</td>
        <td>${n.availability}</td><td class="num">${n.cpus}</td></tr>`)}</tbody></table>
    ${admin && html`<div class="actions">
      <label>Workers <input type="number" min="0" size="4" value=${workers}
        onInput=${(e: Event) => setWorkers(Number((e.target as HTMLInputElement).value))} /></label>
      <button onClick=${() => act(`/clusters/${c.name}/resize`, { workers })}>Resize</button>
      <button onClick=${() => act(`/clusters/${c.name}/halt`)}>Halt</button>
      <button onClick=${() => act(`/clusters/${c.name}/resume`)}>Resume</button>
    </div>`}
  </div>`;
}
