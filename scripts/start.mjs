// `npm start`: run the server at once (migrations and demo data on first start); when the web app's
// sources changed since the last build, build it in the background meanwhile. The API answers from
// the start; pages say "正在构建界面…" until the build lands (see src/server/web-app.ts).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { root, webBuildNeeded } from './web-build.mjs';

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], { cwd: root, stdio: 'inherit' });
let builder;
if (webBuildNeeded()) {
  console.log('正在后台构建界面，接口已可使用 (building the web app in the background; the API answers meanwhile)');
  const started = Date.now();
  builder = spawn(process.execPath, [path.join(root, 'scripts/web-build.mjs')], { cwd: root, stdio: 'inherit' });
  // The server's start (migrations, demo data) goes first on a busy machine.
  try {
    os.setPriority(builder.pid, 10);
  } catch {
    // not permitted: build at normal priority
  }
  builder.on('exit', (code) => {
    builder = undefined;
    if (code === 0) console.log(`界面已构建 (web app built in ${Math.round((Date.now() - started) / 1000)} s)`);
    else if (code !== null) console.error('界面构建失败，见上方输出 (web build failed, see above)');
  });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    builder?.kill(sig);
    server.kill(sig);
  });
}
server.on('exit', (code, signal) => {
  builder?.kill('SIGTERM');
  process.exit(code ?? (signal ? 1 : 0));
});
