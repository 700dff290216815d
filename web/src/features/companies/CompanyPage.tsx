// Placeholder: replaced by the feature's real page.
export function CompanyPage() {
  return <h1>CompanyPage</h1>;
}
