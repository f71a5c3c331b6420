import { problemText, type AuthoringError } from "./problems";

/** What the server refused, each problem on its own line (file:line or field line N). */
export function ProblemList({ failure }: { failure: AuthoringError }) {
  return (
    <div className="authoring-problems" role="alert" data-problems>
      <p>{failure.error ?? "Refused."}</p>
      {failure.problems && failure.problems.length > 0 ? (
        <ul>
          {failure.problems.map((problem, index) => (
            <li key={index}>{problemText(problem)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
