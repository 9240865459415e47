// electron-builder beforePack: rebuild better-sqlite3 for the Electron being
// packaged, from Electron's own headers. npm on some machines is configured
// with `nodedir` (Node's headers); that setting is removed for the rebuild so
// node-gyp cannot silently build against Node instead.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

exports.default = async function beforePack(context) {
  const { rebuild } = await import('@electron/rebuild');
  const { Arch } = require('builder-util');
  const electronVersion = context.packager.config.electronVersion || require('electron/package.json').version;
  const arch = Arch[context.arch];
  for (const key of Object.keys(process.env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  }
  await rebuild({
    buildPath: context.packager.projectDir,
    electronVersion,
    arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    disablePreGypCopy: true,
  });
  if (context.electronPlatformName === process.platform && arch === process.arch) {
    // Prove the module loads in this Electron before it goes into a package.
    const electron = require('electron');
    execFileSync(electron, ['-e', "require('better-sqlite3')(':memory:').prepare('select 1').get()"], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      cwd: context.packager.projectDir,
      stdio: 'inherit',
    });
  }
  console.log(`better-sqlite3 rebuilt for Electron ${electronVersion} (${arch}) in ${path.relative(process.cwd(), context.packager.projectDir) || '.'}`);
};
