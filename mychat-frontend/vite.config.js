/** Vite (dev server, build) and Vitest configuration for the mychat SPA. */
/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// In development the API lives on Django; proxying keeps the app same-origin (no CORS).
const backend = process.env.MYCHAT_BACKEND || 'http://127.0.0.1:8000'

export default defineConfig({
  base: '/',
  plugins: [vue()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/auth': { target: backend, changeOrigin: true },
      '/ws': { target: backend, changeOrigin: true, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.js'],
    setupFiles: ['src/testing/setup.js'],
    restoreMocks: true,
    unstubGlobals: true,
  },
})
