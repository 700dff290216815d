import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQLPage } from './GraphiQLPage';
import 'graphiql/style.css';
import './graphiql.css';

const root = document.getElementById('graphiql-root');
if (!root) throw new Error('graphiql.html lacks #graphiql-root');

createRoot(root).render(
  <StrictMode>
    <GraphiQLPage />
  </StrictMode>,
);
