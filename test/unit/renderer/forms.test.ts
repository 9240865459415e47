import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A required field left empty must show the app's own red message under the
 * field (from the backend's per-field errors), never the browser's "Please
 * fill out this field" bubble, which appears one field at a time, in the
 * browser's language, and only for forms the browser validates.
 */
describe('forms', () => {
  it('every <form> of the renderer turns the browser’s own validation off', () => {
    const root = join(import.meta.dirname, '../../../renderer');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
    // The attributes before the handler: "<form noValidate onSubmit=…" or across lines.
    const forms = files.flatMap((f) => {
      const source = readFileSync(join(root, f), 'utf8');
      return [...source.matchAll(/<form\b/g)].map((m) => ({ file: f, tag: source.slice(m.index, m.index + 400).split(/onSubmit|\n\s*>/)[0]! }));
    });
    expect(forms.length).toBeGreaterThan(10);
    for (const { file, tag } of forms) expect(tag, file).toMatch(/\bnoValidate\b/);
  });
});
