/** The web console: built into console/dist, served by the API under /console (src/api/routes/console.ts). */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Ant Design is one large chunk; the charts and the form engine load with the pages that use them.
    chunkSizeWarningLimit: 1600,
  },
});
