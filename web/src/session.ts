// The bearer token lives in sessionStorage (this tab only, gone when it closes), never in a URL or a cookie.
const KEY = "wake-analyzer.session";

export interface Session {
  token: string;
  username: string;
  expiresAt: number;
}

export function loadSession(): Session | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Session | null;
    if (saved && typeof saved.token === "string" && saved.expiresAt > Date.now()) return saved;
  } catch {
    // storage unavailable or corrupt: start signed out
  }
  return null;
}

export function saveSession(session: Session | null): void {
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage unavailable: the session lasts as long as the page
  }
}
