import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { PlatformPackager } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';

/**
 * What the packaged app's Electron fuses will be, as electron-builder reads
 * electron-builder.yml and turns it into @electron/fuses options (the same
 * code path `npm run dist` takes). The binary itself is not downloaded here,
 * so the flipped fuse wire is not read back; this is as close as it gets.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');

async function fuses() {
  const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
  await validateConfiguration(config, { isEnabled: false, add() {} } as never);
  const wire = await (PlatformPackager.prototype as unknown as { generateFuseConfig(f: unknown): Promise<Record<number, boolean>> }).generateFuseConfig.call(
    {},
    config.electronFuses,
  );
  return { config, wire };
}

describe('the packaged app', () => {
  it('ships with Node turned off in the binary: no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no --inspect', async () => {
    const { wire } = await fuses();
    expect(wire[FuseV1Options.RunAsNode]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
  });

  it('loads its code only from app.asar, checked against the asar’s hash', async () => {
    const { config, wire } = await fuses();
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(config.asar).not.toBe(false);
  });

  it('never relies on what the fuses turn off: the main process forks no Node child and sets no ELECTRON_RUN_AS_NODE', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
    for (const file of files(join(ROOT, 'electron'))) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/ELECTRON_RUN_AS_NODE|child_process['"]\)?.*\bfork\b|\bprocess\.execArgv\b/);
    }
  });
});
