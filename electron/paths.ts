import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user data folder, the same one Electron's app.getPath('userData') gives. */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'KinderDesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'KinderDesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'KinderDesk');
}
