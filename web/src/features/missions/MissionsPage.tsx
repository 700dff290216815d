// Placeholder: replaced by the feature's real page.
export function MissionsPage() {
  return <h1>MissionsPage</h1>;
}
