import { useTranslations } from "next-intl";
import type { AuthoringError } from "./problems";

/** What the server refused, each problem on its own line (file:line or field line N). */
export function ProblemList({ failure }: { failure: AuthoringError }) {
  const t = useTranslations("authoring.problems");
  return (
    <div className="authoring-problems" role="alert" data-problems>
      <p>{failure.error ?? t("refused")}</p>
      {failure.problems && failure.problems.length > 0 ? (
        <ul>
          {failure.problems.map((problem, index) => (
            <li key={index}>
              {typeof problem === "string"
                ? problem
                : problem.field
                  ? t("fieldLine", { field: problem.field, line: problem.line, message: problem.message })
                  : t("line", { line: problem.line, message: problem.message })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
