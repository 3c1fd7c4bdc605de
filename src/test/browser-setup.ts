// Global setup of the browser project: build the web app once, before any test file starts a server on it.
// @ts-expect-error plain ESM helper shared with `npm start`
import { ensureWebBuild } from '../../scripts/web-build.mjs';

export default function setup() {
  ensureWebBuild();
}
