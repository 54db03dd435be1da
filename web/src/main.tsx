// The browser app's entry: fonts, styles, languages, then the routed app.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-kr/400.css';
import './app/styles.css';
import './i18n/index.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
