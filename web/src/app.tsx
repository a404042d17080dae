import { useCallback, useEffect, useState } from "preact/hooks";
import { setUnauthorizedHandler } from "./api";
import { loadSession, saveSession, type Session } from "./session";
import { DatasetView } from "./views/dataset-view";
import { DatasetsView } from "./views/datasets-view";
import { SignInView } from "./views/sign-in-view";

/** `#/` lists the datasets, `#/datasets/<session_id>` opens one. Only ids go in the URL, never the token. */
type Route = { view: "datasets" } | { view: "dataset"; sessionId: string };

function readRoute(): Route {
  const match = /^#\/datasets\/([\w-]{1,64})$/.exec(location.hash);
  return match ? { view: "dataset", sessionId: match[1] } : { view: "datasets" };
}

export function navigate(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [route, setRoute] = useState<Route>(readRoute);
  const [notice, setNotice] = useState<string | null>(null);

  const changeSession = useCallback((next: Session | null) => {
    saveSession(next);
    setSession(next);
  }, []);

  useEffect(() => {
    const onHash = () => setRoute(readRoute());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      changeSession(null);
      setNotice("Your session has expired. Please sign in again.");
    });
  }, [changeSession]);

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="bar">
          <a class="brand" href="#/">
            Wake Analyzer <span class="brand-sub">playground</span>
          </a>
          <nav aria-label="Site">
            <a href="/docs">API docs</a>
            <a href="/redoc">ReDoc</a>
            <a href="/openapi.json">OpenAPI</a>
            {session && (
              <span class="user">
                Signed in as <strong>{session.username}</strong>
                <button type="button" class="link-button" onClick={() => changeSession(null)}>
                  Sign out
                </button>
              </span>
            )}
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {notice && (
          <p class="notice" role="status">
            {notice}{" "}
            <button type="button" class="link-button" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        )}
        {!session ? (
          <SignInView
            onSignedIn={(next) => {
              setNotice(null);
              changeSession(next);
            }}
          />
        ) : route.view === "dataset" ? (
          <DatasetView key={route.sessionId} token={session.token} sessionId={route.sessionId} />
        ) : (
          <DatasetsView token={session.token} />
        )}
      </main>
      <footer class="site-footer">
        <p>
          Every number is computed by the service's engine and checked against pandas, scipy and statsmodels. This page
          uses only the public HTTP API described at <a href="/docs">/docs</a>.
        </p>
      </footer>
    </>
  );
}
