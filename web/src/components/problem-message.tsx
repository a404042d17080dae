import type { ApiProblem } from "../api";

/** What a status means to a person, shown before the service's own sentence. */
function headline(problem: ApiProblem): string {
  switch (problem.status) {
    case 0:
      return "No connection";
    case 413:
      return "File too large";
    case 415:
      return "Not a CSV the service can read";
    case 429:
      return problem.retryAfter ? `Too many requests; try again in ${problem.retryAfter} s` : "Too many requests";
    default:
      return problem.status >= 500 ? "The service failed" : "Refused";
  }
}

/** An API error said plainly: the status in words, the service's sentence, then each field problem with its path. */
export function ProblemMessage({ problem, id }: { problem: ApiProblem; id?: string }) {
  return (
    <div class="problem" role="alert" id={id}>
      <p>
        <strong>{headline(problem)}:</strong> {problem.message}{" "}
        {problem.status > 0 && (
          <span class="muted">
            (HTTP {problem.status}, <code>{problem.code}</code>)
          </span>
        )}
      </p>
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((error, i) => (
            <li key={i}>
              <code>{error.path}</code>: {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
