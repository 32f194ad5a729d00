// Builds the renderer as a static web page (<repo>/out/web) for web mode and the end-to-end
// tests. The Electron build (electron-vite) has its own config at the repository root.
// This file runs in Node at build time; it needs no imports from Node because the config
// loader provides import.meta.dirname and Vite resolves outDir against root.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/web',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
