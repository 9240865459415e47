import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The worked cases every built-in policy must reproduce: test/unit/core/refund/vectors/<policy id>.json. */
export interface VectorFile {
  policy: string;
  vectors: Array<{
    name: string;
    case: Record<string, unknown>;
    expected?: { legalWorkingDays: number; lines: Array<{ item: string; refund: string; clause: string }>; total: string };
    error?: string[];
  }>;
}

export function loadVectorFiles(): VectorFile[] {
  const dir = join(import.meta.dirname, 'vectors');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as VectorFile);
}
