import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type * as PlaywrightTest from '@playwright/test';
import type * as Vite from 'vite';

/**
 * The bench's dev-only tools, loaded at run time: the main build bundles everything
 * that is not a runtime dependency, and Playwright and Vite must stay packages.
 */
const requireDev = createRequire(import.meta.url);

export const loadPlaywright = (): typeof PlaywrightTest => requireDev('@playwright/test') as typeof PlaywrightTest;

export const loadVite = async (): Promise<typeof Vite> =>
  (await import(/* @vite-ignore */ pathToFileURL(requireDev.resolve('vite')).href)) as typeof Vite;
