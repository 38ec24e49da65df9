import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { html } from "./lib/html";
import { current, signIn, signOut, type Identity } from "./lib/auth";
import { completeSignIn } from "./lib/oidc";
import { parse, type Route } from "./lib/route";
import { SignIn } from "./screens/signin";
import { Campaigns } from "./screens/campaigns";
import { Campaign } from "./screens/campaign";
import { Runs } from "./screens/runs";
import { Results } from "./screens/results";
import { Clusters } from "./screens/clusters";
import { Timeline } from "./screens/timeline";
import "./style.css";

function screen(route: Route, identity: Identity) {
  switch (route.screen) {
    case "campaigns": return html`<${Campaigns} query=${route.query} identity=${identity} />`;
    case "campaign": return html`<${Campaign} id=${route.id} identity=${identity} />`;
    case "runs": return html`<${Runs} id=${route.id} query=${route.query} />`;
    case "results": return html`<${Results} id=${route.id} query=${route.query} />`;
    case "timeline": return html`<${Timeline} id=${route.id} />`;
    case "clusters": return html`<${Clusters} identity=${identity} />`;
    case "signin": return null;
    default: return html`<section><h1>Not found</h1><p>Nothing lives at ${route.path}.</p></section>`;
  }
}

function App() {
  const [route, setRoute] = useState(parse(location.hash));
  const [identity, setIdentity] = useState<Identity | null>(current());
  const returning = /[?&](code|error)=/.test(location.search);
  const [completing, setCompleting] = useState(returning);
  const [failure, setFailure] = useState("");
  useEffect(() => {
    const onHash = () => setRoute(parse(location.hash));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);
  useEffect(() => {
    if (!returning) return;
    // the identity provider sent the browser back with a code: trade it for a token, then drop it from the address
    completeSignIn(location.search)
      .then((token) => {
        history.replaceState(null, "", location.pathname + "#/campaigns");
        setRoute(parse("#/campaigns"));
        if (token) setIdentity(signIn(token));
      })
      .catch((e: Error) => {
        history.replaceState(null, "", location.pathname + "#/signin");
        setFailure(e.message);
      })
      .finally(() => setCompleting(false));
  }, []);
  if (completing) return html`<section class="signin"><p data-testid="signing-in">Signing in…</p></section>`;
  if (!identity || route.screen === "signin") {
    return html`<${SignIn} failure=${failure} onSignedIn=${(id: Identity) => {
      setIdentity(id);
      location.hash = "#/campaigns";
    }} />`;
  }
  return html`<header class="top">
      <a class="brand" href="#/campaigns">SimSwarm</a>
      <a href="#/campaigns">Campaigns</a>
      <a href="#/clusters">Clusters</a>
      <span class="who" data-testid="who">${identity.name} (${identity.role})</span>
      <button onClick=${() => { signOut(); setIdentity(null); location.hash = "#/signin"; }}>Sign out</button>
    </header>
    <main>${screen(route, identity)}</main>`;
}

render(html`<${App} />`, document.getElementById("app")!);
