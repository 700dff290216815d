// Placeholder: replaced by the feature's real page.
export function ContactsPage() {
  return <h1>ContactsPage</h1>;
}
