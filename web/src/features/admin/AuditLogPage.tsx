// Placeholder: replaced by the feature's real page.
export function AuditLogPage() {
  return <h1>AuditLogPage</h1>;
}
