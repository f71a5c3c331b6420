const openers = new WeakMap<HTMLDialogElement, HTMLElement | null>();
const listening = new WeakSet<HTMLDialogElement>();

/** Gives focus back to what had it before the dialog opened, or at least takes it off the dialog. */
function returnFocus(dialog: HTMLDialogElement) {
  const opener = openers.get(dialog);
  openers.delete(dialog);
  if (opener?.isConnected) opener.focus({ preventScroll: true });
  else if (document.activeElement instanceof HTMLElement && dialog.contains(document.activeElement))
    document.activeElement.blur();
}

/**
 * Opens a modal <dialog>; when it closes, focus goes back to what had it before, and never stays
 * on a control inside the closed dialog (where letter keys would type instead of acting).
 */
export function showModal(dialog: HTMLDialogElement) {
  if (dialog.open) return;
  const active = document.activeElement;
  openers.set(dialog, active instanceof HTMLElement && active !== document.body ? active : null);
  dialog.showModal();
  if (listening.has(dialog)) return;
  listening.add(dialog);
  // The browser's own closes (Esc on a button, a form's method=dialog) arrive as a later event,
  // which may come after the dialog was opened again: then focus stays where it is.
  dialog.addEventListener("close", () => {
    if (!dialog.open) returnFocus(dialog);
  });
}

/**
 * Closes a dialog the app opened and moves focus out at once: the `close` event comes a task
 * later, and a key pressed before it (Esc then `/`) would still go to the hidden field.
 */
export function closeModal(dialog: HTMLDialogElement | null) {
  if (!dialog?.open) return;
  returnFocus(dialog);
  dialog.close();
}
