/** Small 20×20 icons, drawn in the text colour and hidden from assistive technology: name the button. */

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={d} />
    </svg>
  );
}

/** ×: close a dialog, clear a field, dismiss a notice, remove a chip. */
export function CloseIcon() {
  return <Icon d="m5.3 4.2 4.7 4.7 4.7-4.7 1.1 1.1-4.7 4.7 4.7 4.7-1.1 1.1-4.7-4.7-4.7 4.7-1.1-1.1 4.7-4.7-4.7-4.7z" />;
}

/** ✓: done, saved. */
export function CheckIcon() {
  return <Icon d="m8.2 13.6-3.5-3.5 1.2-1.2 2.3 2.3 5.9-5.9 1.2 1.2z" />;
}
