/**
 * Opens a modal <dialog>; when it closes, focus goes back to what had it before, and never stays
 * on a control inside the closed dialog (where letter keys would type instead of acting).
 */
export function showModal(dialog: HTMLDialogElement) {
  if (dialog.open) return;
  const active = document.activeElement;
  const opener = active instanceof HTMLElement && active !== document.body ? active : null;
  dialog.showModal();
  dialog.addEventListener(
    "close",
    () => {
      if (opener?.isConnected) opener.focus({ preventScroll: true });
      else if (document.activeElement instanceof HTMLElement && dialog.contains(document.activeElement))
        document.activeElement.blur();
    },
    { once: true },
  );
}
