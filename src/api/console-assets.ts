/** Where the web console's sources and built assets live (built by Vite, served by the API). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONSOLE_SOURCE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));
export const CONSOLE_DIST_DIR = path.join(CONSOLE_SOURCE_DIR, 'dist');

export function consoleBuilt(dir = CONSOLE_DIST_DIR): boolean {
  return existsSync(path.join(dir, 'index.html'));
}
