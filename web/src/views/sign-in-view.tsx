import { useState } from "preact/hooks";
import { api, ApiProblem } from "../api";
import { ProblemMessage } from "../components/problem-message";
import type { Session } from "../session";

async function signIn(username: string, password: string): Promise<Session> {
  const token = await api.login(username, password);
  const me = await api.me(token.access_token);
  return { token: token.access_token, username: me.username, expiresAt: Date.now() + token.expires_in * 1000 };
}

function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, { detail: String(error) }));
      setBusy(false);
    }
  };
  return { busy, problem, submit };
}

export function SignInView({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [login, setLogin] = useState({ username: "", password: "" });
  const [account, setAccount] = useState({ email: "", username: "", password: "" });
  const signInForm = useSubmit(async () => onSignedIn(await signIn(login.username, login.password)));
  const registerForm = useSubmit(async () => {
    await api.register(account);
    onSignedIn(await signIn(account.username, account.password));
  });

  return (
    <section aria-labelledby="welcome">
      <h1 id="welcome">Try the analysis API</h1>
      <p class="lead">
        Upload a CSV, look at its profile, write execution plans and see the numbers, charts and provenance the API
        returns. Create an account on this server to start; the token stays in this browser tab only.
      </p>
      <div class="columns">
        <form class="card" onSubmit={signInForm.submit} aria-labelledby="signin-title">
          <h2 id="signin-title">Sign in</h2>
          <label>
            Username or email
            <input name="username" autocomplete="username" required value={login.username} onInput={(e) => setLogin({ ...login, username: e.currentTarget.value })} />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete="current-password" required value={login.password} onInput={(e) => setLogin({ ...login, password: e.currentTarget.value })} />
          </label>
          {signInForm.problem && <ProblemMessage problem={signInForm.problem} />}
          <button type="submit" class="primary" disabled={signInForm.busy}>
            {signInForm.busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
        <form class="card" onSubmit={registerForm.submit} aria-labelledby="register-title">
          <h2 id="register-title">Create an account</h2>
          <label>
            Email
            <input name="email" type="email" autocomplete="email" required value={account.email} onInput={(e) => setAccount({ ...account, email: e.currentTarget.value })} />
          </label>
          <label>
            Username
            <input
              name="new-username"
              autocomplete="username"
              required
              minLength={3}
              maxLength={32}
              pattern="[A-Za-z0-9_.\-]+"
              aria-describedby="username-hint"
              value={account.username}
              onInput={(e) => setAccount({ ...account, username: e.currentTarget.value })}
            />
            <span class="hint" id="username-hint">
              3-32 letters, digits, _ . or -
            </span>
          </label>
          <label>
            Password
            <input
              name="new-password"
              type="password"
              autocomplete="new-password"
              required
              minLength={8}
              maxLength={128}
              aria-describedby="password-hint"
              value={account.password}
              onInput={(e) => setAccount({ ...account, password: e.currentTarget.value })}
            />
            <span class="hint" id="password-hint">
              8-128 characters
            </span>
          </label>
          {registerForm.problem && <ProblemMessage problem={registerForm.problem} />}
          <button type="submit" class="primary" disabled={registerForm.busy}>
            {registerForm.busy ? "Creating…" : "Create account and sign in"}
          </button>
        </form>
      </div>
    </section>
  );
}
