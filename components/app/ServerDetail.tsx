/** The server's own words after a reason given in the interface's: shown as they are (English), marked as such. */
export function ServerDetail({ text }: { text?: string }) {
  return text ? (
    <p className="api-error-detail" translate="no">
      {text}
    </p>
  ) : null;
}
