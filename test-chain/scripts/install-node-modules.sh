#!/usr/bin/env bash
# Installs test-chain/node_modules exactly as package-lock.json says (`npm ci`), unless the
# installed tree already came from this very lock file.
#
# Maven runs this in every build (see test-chain/pom.xml); when nothing changed it returns in well
# under a second. The stamp lives inside node_modules/, so deleting node_modules also deletes it.
# It records the SHA-256 of package-lock.json and Node's major version.
#
# Usage: scripts/install-node-modules.sh [--force]
set -euo pipefail

# Plain parameter expansion, not dirname: the script must still explain itself on a bare PATH.
case "${BASH_SOURCE[0]}" in
  */*) cd "${BASH_SOURCE[0]%/*}/.." ;;
  *) cd .. ;;
esac

readonly REQUIRED_NODE_MAJOR=20
readonly STAMP=node_modules/.zkml4j-install-stamp

fail() {
  echo "ERROR: Node.js >= ${REQUIRED_NODE_MAJOR} and npm are required for the interop tests: $1" >&2
  echo "       Install them (e.g. 'apt-get install nodejs npm'), or skip this step and every test that" >&2
  echo "       needs it with -Dzkml.npm.skip=true -DskipITs." >&2
  exit 1
}

command -v node >/dev/null 2>&1 || fail "no 'node' on PATH (PATH=$PATH)."
command -v npm >/dev/null 2>&1 || fail "no 'npm' on PATH (PATH=$PATH)."

node_major=$(node -p 'process.versions.node.split(".")[0]') \
  || fail "'$(command -v node)' does not run."
if (( node_major < REQUIRED_NODE_MAJOR )); then
  fail "'$(command -v node)' is version $(node --version)."
fi

# Refuse a lock file that would fetch anything from outside the npm registry (git URLs, tarballs on
# other hosts): only registry packages can be installed on the machines this project runs on.
node - <<'JS'
const lock = require("./package-lock.json");
const bad = Object.entries(lock.packages || {})
  .filter(([name, p]) => name !== "" && !p.link)
  .filter(([, p]) => !p.integrity || (p.resolved && !p.resolved.startsWith("https://registry.npmjs.org/")))
  .map(([name, p]) => `${name} -> ${p.resolved || "(no integrity hash)"}`);
if (bad.length) {
  console.error("ERROR: package-lock.json has packages that do not come from the npm registry:\n  " + bad.join("\n  "));
  process.exit(1);
}
JS

wanted=$(node -e '
  const crypto = require("crypto");
  const fs = require("fs");
  const sha = crypto.createHash("sha256").update(fs.readFileSync("package-lock.json")).digest("hex");
  console.log(`package-lock.json sha256 ${sha}\nnode ${process.versions.node.split(".")[0]}`);
')

if [[ "${1:-}" != "--force" && -f "$STAMP" && "$(cat "$STAMP")" == "$wanted" ]]; then
  echo "test-chain/node_modules is up to date with package-lock.json; npm ci skipped."
  exit 0
fi

echo "Installing test-chain/node_modules with npm ci (package-lock.json changed or not installed yet)..."
start=$SECONDS
npm ci --no-audit --no-fund --loglevel=error
printf '%s\n' "$wanted" > "$STAMP"
echo "npm ci finished in $((SECONDS - start)) s."
