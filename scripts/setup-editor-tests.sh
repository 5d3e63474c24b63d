#!/usr/bin/env bash
# Installs what `npm run test:editor:browser` needs, offline except for the npm registry and Debian
# packages: Debian's chromium and ripgrep, and the VS Code server that the npm package code-server
# carries, in a cache folder reused by later runs (.ci/run, a developer's machine).
#
# Idempotent: when everything is in place it only checks and returns.
# Prints the VS Code server folder (…/lib/vscode) as its last line of stdout.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE_DIR="${IMR_EDITOR_CACHE:-$HOME/.cache/imr-letters-editor}"
INSTALL_DIR="$CACHE_DIR/code-server-$CODE_SERVER_VERSION"
VSCODE_DIR="$INSTALL_DIR/node_modules/code-server/lib/vscode"
DONE_MARKER="$INSTALL_DIR/.setup-complete"

log() { echo "setup-editor-tests: $*" >&2; }

# Debian packages. chromium is the browser playwright-core drives (never `npx playwright install`,
# which downloads from a CDN); ripgrep replaces the binary @vscode/ripgrep would download.
missing_packages=()
command -v chromium >/dev/null 2>&1 || missing_packages+=(chromium)
command -v rg >/dev/null 2>&1 || missing_packages+=(ripgrep)
# Native rebuilds of @vscode/spdlog and native-watchdog need a compiler, make and python3.
if [ ! -f "$DONE_MARKER" ]; then
  command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1 || missing_packages+=(build-essential)
  command -v python3 >/dev/null 2>&1 || missing_packages+=(python3)
fi
if [ ${#missing_packages[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing_packages[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >&2
fi

if [ -f "$DONE_MARKER" ] && [ -x "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg" ] && [ -f "$VSCODE_DIR/out/server-main.js" ]; then
  log "code-server $CODE_SERVER_VERSION already set up in $INSTALL_DIR"
  echo "$VSCODE_DIR"
  exit 0
fi

log "setting up code-server $CODE_SERVER_VERSION in $INSTALL_DIR"
rm -rf "$INSTALL_DIR"
mkdir -p "$INSTALL_DIR"
cd "$INSTALL_DIR"
# A private package.json so npm installs here and not into an enclosing project.
echo '{"name":"imr-letters-editor-cache","private":true}' > package.json
# --ignore-scripts: code-server's postinstall runs a full install that downloads and fails offline.
npm install --no-audit --no-fund --ignore-scripts "code-server@$CODE_SERVER_VERSION" >&2

cd "$VSCODE_DIR"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2
# The server loads its modules from node_modules.asar in a packaged build.
ln -sfn node_modules node_modules.asar
# @vscode/ripgrep's postinstall would download rg; without it findFiles and Quick Open find nothing.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# Native modules built against the machine's Node (its headers are in /usr/include/node).
npm_config_nodedir="${npm_config_nodedir:-/usr}" npm rebuild @vscode/spdlog native-watchdog >&2

touch "$DONE_MARKER"
log "done"
echo "$VSCODE_DIR"
