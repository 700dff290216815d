// Placeholder: replaced by the feature's real page.
export function PipelinePage() {
  return <h1>PipelinePage</h1>;
}
