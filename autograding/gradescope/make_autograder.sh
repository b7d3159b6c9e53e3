#!/usr/bin/env bash
# Packs the Gradescope autograder from a learner's copy of the kit (deno task release): the copy
# at the zip's root with setup.sh and run_autograder beside it, and no .git, no installed Deno.
#
#   autograding/gradescope/make_autograder.sh ../loss-course autograder.zip
#   GRADER_SEED=$(openssl rand -hex 16) autograding/gradescope/make_autograder.sh ../loss-course autograder.zip
#
# With GRADER_SEED set, the zip holds it (the file GRADER_SEED) and run_autograder grades with
# secret inputs. An output not ending in .zip is written as a folder (what the zip would hold).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [[ $# -ne 2 ]]; then
  echo "usage: $0 <learner copy (deno task release)> <autograder.zip>" >&2
  exit 2
fi
copy=${1%/}
out=$2
if [[ ! -x $copy/deno || ! -f $copy/grader/main.ts ]]; then
  echo "$copy is not a copy of the kit (no ./deno or grader/main.ts)" >&2
  exit 2
fi
if [[ -e $copy/solutions ]]; then
  echo "$copy holds solutions/: give the learner's copy (deno task release <dir>), not your kit" >&2
  exit 2
fi
if [[ -e $out ]]; then
  echo "$out is there already: remove it or name another" >&2
  exit 2
fi
if [[ -n ${GRADER_SEED:-} && ! ${GRADER_SEED} =~ ^([0-9a-fA-F]{2}){16,}$ ]]; then
  echo "GRADER_SEED must be 32 or more hexadecimal digits, an even number (openssl rand -hex 16)" >&2
  exit 2
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
(cd "$copy" && tar --exclude=./.git --exclude=./.tools/node_modules -cf - .) | (cd "$stage" && tar -xf -)
cp "$here/setup.sh" "$here/run_autograder" "$stage/"
chmod 755 "$stage/setup.sh" "$stage/run_autograder"
if [[ -n ${GRADER_SEED:-} ]]; then
  (umask 077 && printf '%s\n' "$GRADER_SEED" >"$stage/GRADER_SEED")
fi

case $out in
  *.zip)
    out_abs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
    (cd "$stage" && zip -qr -X "$out_abs" .)
    echo "wrote $out: upload it as the assignment's autograder (Gradescope's Ubuntu base image)"
    ;;
  *)
    mkdir -p "$out"
    (cd "$stage" && tar -cf - .) | (cd "$out" && tar -xf -)
    echo "wrote the autograder's files to $out"
    ;;
esac
