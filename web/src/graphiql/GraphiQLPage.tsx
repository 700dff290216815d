import { GraphiQL } from 'graphiql';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createFetcher } from './fetcher';
import { readToken, writeToken } from './tokenStorage';

export function GraphiQLPage() {
  const [token, setToken] = useState(readToken);
  const [visible, setVisible] = useState(false);
  const tokenRef = useRef(token);

  useEffect(() => {
    tokenRef.current = token;
    writeToken(token);
  }, [token]);

  // One fetcher for the page's life: GraphiQL refetches the schema when the fetcher changes.
  const fetcher = useMemo(() => createFetcher(() => tokenRef.current), []);

  return (
    <div className="gq-page">
      <header className="gq-header">
        <a className="gq-header__brand" href="/">
          Export CRM
        </a>
        <span className="gq-header__product">GraphiQL</span>
        <form className="gq-token" onSubmit={(event) => event.preventDefault()} autoComplete="off">
          <label htmlFor="gq-token-input" className="gq-token__label">
            API token
          </label>
          <input
            id="gq-token-input"
            className="gq-token__input"
            type={visible ? 'text' : 'password'}
            placeholder="Paste a token, or use your signed-in session"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            aria-describedby="gq-token-hint"
          />
          <button
            type="button"
            className="gq-token__button"
            aria-pressed={visible}
            onClick={() => setVisible((value) => !value)}
          >
            {visible ? 'Hide' : 'Show'}
          </button>
          <button type="button" className="gq-token__button" onClick={() => setToken('')} disabled={!token}>
            Clear
          </button>
          <span id="gq-token-hint" className="gq-token__hint">
            {token ? 'Sent as Authorization: Bearer …' : 'No token: requests use the session cookie'}
          </span>
        </form>
      </header>
      <div className="gq-editor">
        <GraphiQL fetcher={fetcher} />
      </div>
    </div>
  );
}
