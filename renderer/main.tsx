import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ApiProvider } from './client/ApiProvider';
import { connectApi } from './client/connect';
import './app/theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApiProvider connection={connectApi()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
