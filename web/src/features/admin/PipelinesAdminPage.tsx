// Placeholder: replaced by the feature's real page.
export function PipelinesAdminPage() {
  return <h1>PipelinesAdminPage</h1>;
}
