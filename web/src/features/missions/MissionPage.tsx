// Placeholder: replaced by the feature's real page.
export function MissionPage() {
  return <h1>MissionPage</h1>;
}
