/** The app's global stylesheet (src/web/app/layout.css), a side-effect import that vite bundles. */
declare module '*/layout.css';
