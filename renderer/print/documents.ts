import type { ComponentType } from 'react';

/**
 * Printable documents by name (`#/print/<name>/…`). Each area adds its own
 * templates here; a template renders A4 pages with `.kd-page` sections.
 */
export const PRINT_DOCUMENTS: Record<string, ComponentType<{ args: string[] }>> = {};
