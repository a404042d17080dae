// ReDoc's standalone bundle from the pinned redoc package, copied as a hashed asset (it is already one minified
// file) and loaded from this origin: /redoc works without internet.
import redocBundle from "redoc/bundles/redoc.standalone.js?url";
import "./docs.css";

declare global {
  interface Window {
    Redoc?: { init(specUrl: string, options: Record<string, unknown>, element: HTMLElement | null): void };
  }
}

const script = document.createElement("script");
script.src = redocBundle;
script.addEventListener("load", () => window.Redoc?.init("/openapi.json", {}, document.getElementById("redoc")));
document.head.append(script);
