#!/usr/bin/env bash
# gradkit on Gradescope, at build time (Gradescope runs this once, as root, when it builds the
# autograder's image): installs Node.js and npm, then the kit's pinned Deno (./deno installs it
# from npm on first use), and grades the kit's own stubs once, so that the grader is compiled
# and known to run in this image before any learner submits.
#
# GRADKIT_AUTOGRADER_ROOT: where Gradescope's folders are (default /autograder; the kit's tests
# use a temporary folder). GRADKIT_NODE_VERSION: the Node.js to install when the image has no
# Node.js 18 or later (default below).
set -euo pipefail
root=${GRADKIT_AUTOGRADER_ROOT:-/autograder}
node_version=${GRADKIT_NODE_VERSION:-22.12.0}

has_node() {
  command -v node >/dev/null && command -v npm >/dev/null || return 1
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null) || return 1
  [[ $major -ge 18 ]]
}

if has_node; then
  echo "gradkit setup: Node.js $(node --version) and npm $(npm --version) are here already"
else
  if [[ $(id -u) -ne 0 ]]; then
    echo "gradkit setup: no Node.js 18+ here, and installing it needs root" >&2
    exit 1
  fi
  echo "gradkit setup: installing Node.js $node_version from nodejs.org"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends ca-certificates curl xz-utils >/dev/null
  case $(uname -m) in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "gradkit setup: no Node.js build for $(uname -m)" >&2; exit 1 ;;
  esac
  tarball=node-v$node_version-linux-$arch.tar.xz
  work=$(mktemp -d)
  curl -fsSL -o "$work/$tarball" "https://nodejs.org/dist/v$node_version/$tarball"
  curl -fsSL -o "$work/SHASUMS256.txt" "https://nodejs.org/dist/v$node_version/SHASUMS256.txt"
  (cd "$work" && grep "  $tarball\$" SHASUMS256.txt | sha256sum -c --quiet -)
  tar -xJf "$work/$tarball" -C /usr/local --strip-components=1 --no-same-owner
  rm -rf "$work"
  has_node || { echo "gradkit setup: Node.js did not install" >&2; exit 1; }
  echo "gradkit setup: Node.js $(node --version), npm $(npm --version)"
fi

cd "$root/source"
# Installs the pinned Deno from npm into .tools/ (once; grading then finds it there).
./deno --version
# Grades the kit's own stubs (every exercise not started: exit 1), which compiles the grader and
# runs the sandbox once in this image. Any other exit status means the kit cannot grade here.
status=0
./deno task grade --format json >/dev/null || status=$?
if [[ $status -gt 1 ]]; then
  echo "gradkit setup: grading the kit's stubs failed (exit status $status)" >&2
  exit 1
fi
echo "gradkit setup: ready"
