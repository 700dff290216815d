// Placeholder: replaced by the feature's real page.
export function PrintAgendaPage() {
  return <h1>PrintAgendaPage</h1>;
}
