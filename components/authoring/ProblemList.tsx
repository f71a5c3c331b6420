import { useTranslations } from "next-intl";
import { useApiErrorText } from "@/components/app/api-errors";
import { ServerDetail } from "@/components/app/ServerDetail";
import type { AuthoringError, AuthoringProblem } from "./problems";
import { useRefusalText } from "./refusal-text";

/**
 * What the server refused, each problem on its own line (file:line or field line N), in the
 * interface's words when the server gave a code. Without one (a file's own problem, a content
 * error, a request the API itself refused) the server's English is shown as it is, marked as such.
 */
export function ProblemList({ failure }: { failure: AuthoringError }) {
  const t = useTranslations("authoring.problems");
  const refusalText = useRefusalText();
  const apiErrorText = useApiErrorText();
  const fieldName = (field: string) => (field === "markers" ? t("fields.markers") : t("fields.transcript"));
  const problemText = (problem: Exclude<AuthoringProblem, string>) => {
    const message = problem.code ? refusalText(problem.code, problem.values) : problem.message;
    return problem.field
      ? t("fieldLine", { field: fieldName(problem.field), line: problem.line, message })
      : t("line", { line: problem.line, message });
  };
  return (
    <div className="authoring-problems" role="alert" data-problems data-refusal={failure.code}>
      {failure.code ? (
        <p>{refusalText(failure.code, failure.values)}</p>
      ) : failure.status !== undefined ? (
        <>
          <p>{t("refusedBecause", { reason: apiErrorText(failure.status) })}</p>
          <ServerDetail text={failure.error} />
        </>
      ) : (
        <p>{failure.error}</p>
      )}
      {failure.problems && failure.problems.length > 0 ? (
        <ul>
          {failure.problems.map((problem, index) =>
            typeof problem === "string" || !problem.code ? (
              <li key={index} translate="no">
                {typeof problem === "string" ? problem : problemText(problem)}
              </li>
            ) : (
              <li key={index}>{problemText(problem)}</li>
            ),
          )}
        </ul>
      ) : null}
    </div>
  );
}
