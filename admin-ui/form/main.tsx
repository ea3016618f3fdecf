import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppealApp } from './AppealApp';
import { createAppealApi } from './api';
import './appeal.css';

const root = document.getElementById('root');
if (!root) throw new Error('The appeal page needs an element with id "root".');

createRoot(root).render(
  <StrictMode>
    <AppealApp api={createAppealApi('/api/public')} pathname={location.pathname} search={location.search} />
  </StrictMode>,
);
