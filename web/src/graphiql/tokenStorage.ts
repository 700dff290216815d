const KEY = 'crm.graphiql.apiToken';

// sessionStorage: the token lives as long as this tab, and is never written to disk.
export function readToken(): string {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function writeToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: the token still works until the page is closed.
  }
}
