// Placeholder: replaced by the feature's real page.
export function CompaniesPage() {
  return <h1>CompaniesPage</h1>;
}
