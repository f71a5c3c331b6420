/** Why an API call failed, as the user is told it: from the HTTP status (null or 0: no answer at all). */
export type FailureKind =
  | "unreachable"
  | "invalid"
  | "forbidden"
  | "notFound"
  | "conflict"
  | "tooLarge"
  | "notJson"
  | "contentErrors"
  | "unavailable"
  | "timeout"
  | "server"
  | "other";

const BY_STATUS: Partial<Record<number, FailureKind>> = {
  400: "invalid",
  403: "forbidden",
  404: "notFound",
  409: "conflict",
  413: "tooLarge",
  415: "notJson",
  422: "contentErrors",
  503: "unavailable",
  504: "timeout",
};

export function failureKind(status: number | null): FailureKind {
  if (status === null || status === 0) return "unreachable";
  return BY_STATUS[status] ?? (status >= 500 ? "server" : "other");
}
