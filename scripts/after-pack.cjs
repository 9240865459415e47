// electron-builder afterPack: put the Node build of better-sqlite3 back into
// the dev tree, so tests and browser mode keep working after packaging.
const { execFileSync } = require('node:child_process');

exports.default = async function afterPack(context) {
  execFileSync('npm', ['rebuild', 'better-sqlite3'], { cwd: context.packager.projectDir, stdio: 'inherit' });
};
