import { useState } from "preact/hooks";
import { html } from "../lib/html";
import { signIn, type Identity } from "../lib/auth";
import { beginSignIn, oidcSettings } from "../lib/oidc";

/**
 * Sign in with a bearer token, or through the identity provider when config.js names one; the token stays in this
 * tab's sessionStorage only. `failure` is the sentence of a sign-in through the provider that did not complete.
 */
export function SignIn({ onSignedIn, failure }: { onSignedIn: (identity: Identity) => void; failure?: string }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState(failure ?? "");
  const oidc = oidcSettings();
  const submit = (e: Event) => {
    e.preventDefault();
    if (token.trim()) onSignedIn(signIn(token));
  };
  const withProvider = () => {
    if (!oidc) return;
    setError("");
    beginSignIn(oidc, location.origin + location.pathname).catch((e: Error) => setError(e.message));
  };
  return html`<section class="signin">
    <h1>Sign in to SimSwarm</h1>
    ${error && html`<p class="error" role="alert" data-testid="signin-error">${error}</p>`}
    ${oidc && html`<p><button type="button" data-testid="oidc-signin" onClick=${withProvider}>Sign in with ${oidc.label}</button></p>
      <p class="hint">or paste a token:</p>`}
    <form onSubmit=${submit}>
      <label for="token">Access token</label>
      <textarea id="token" name="token" rows="4" placeholder="Paste your token (JWT)"
        value=${token} onInput=${(e: Event) => setToken((e.target as HTMLTextAreaElement).value)}></textarea>
      <button type="submit" disabled=${!token.trim()}>Sign in</button>
    </form>
    <p class="hint">The token is sent as <code>Authorization: Bearer</code> to the APIs and kept for this tab only.</p>
  </section>`;
}
