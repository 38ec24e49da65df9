import { useState } from "preact/hooks";
import { html } from "../lib/html";
import { signIn, type Identity } from "../lib/auth";

/** Sign in with a bearer token; it stays in this tab's sessionStorage only. */
export function SignIn({ onSignedIn }: { onSignedIn: (identity: Identity) => void }) {
  const [token, setToken] = useState("");
  const submit = (e: Event) => {
    e.preventDefault();
    if (token.trim()) onSignedIn(signIn(token));
  };
  return html`<section class="signin">
    <h1>Sign in to SimSwarm</h1>
    <form onSubmit=${submit}>
      <label for="token">Access token</label>
      <textarea id="token" name="token" rows="4" placeholder="Paste your token (JWT)"
        value=${token} onInput=${(e: Event) => setToken((e.target as HTMLTextAreaElement).value)}></textarea>
      <button type="submit" disabled=${!token.trim()}>Sign in</button>
    </form>
    <p class="hint">The token is sent as <code>Authorization: Bearer</code> to the APIs and kept for this tab only.</p>
  </section>`;
}
