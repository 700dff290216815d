// Placeholder: replaced by the quick "log a meeting / call" launcher.
export function QuickLogButton() {
  return null;
}
