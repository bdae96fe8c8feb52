/// <reference types="vite/client" />
import { applyDocumentLanguage, languageStore } from './controllers/i18n-controller.js';
import './kiosk-app.js';
import { registerServiceWorker } from './sw/register-sw.js';

applyDocumentLanguage(languageStore.value);

if (import.meta.env.PROD) {
  registerServiceWorker(() => document.querySelector('kiosk-app')?.getAttribute('screen') === 'idle');
}
