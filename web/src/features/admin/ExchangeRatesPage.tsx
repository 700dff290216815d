// Placeholder: replaced by the feature's real page.
export function ExchangeRatesPage() {
  return <h1>ExchangeRatesPage</h1>;
}
