// Placeholder: replaced by the feature's real page.
export function InvitationPage() {
  return <h1>InvitationPage</h1>;
}
