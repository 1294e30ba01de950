import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'zego-status-kit/styles.css';
import './example.css';
import { App } from './App.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
