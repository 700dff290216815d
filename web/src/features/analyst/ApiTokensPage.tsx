// Placeholder: replaced by the feature's real page.
export function ApiTokensPage() {
  return <h1>ApiTokensPage</h1>;
}
