#!/usr/bin/env bash
# The steps of the GitHub action (action.yml at the top of the repository):
#   install  the build's Debian/Ubuntu packages (with sudo when not root)
#   build    appflow-lint from this checkout into $RUNNER_TEMP (only the binary)
#   lint     APPFLOW_LINT_PATHS with annotations on stdout and SARIF in APPFLOW_LINT_SARIF;
#            exits with appflow-lint's status and records it in $GITHUB_OUTPUT
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build_dir="${RUNNER_TEMP:-/tmp}/appflow-lint-build"

case "${1:-}" in
  install)
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends g++ meson ninja-build pkgconf python3 \
      libvalijson-dev libdtl-dev libsimdjson-dev nlohmann-json3-dev libfmt-dev libcli11-dev libre2-dev
    ;;
  build)
    meson setup "$build_dir" "$source_dir" --buildtype=release -Dtests=false -Dbench=false -Dman=disabled
    ninja -C "$build_dir" cli/appflow-lint
    ;;
  lint)
    binary="${APPFLOW_LINT:-}"
    [ -n "$binary" ] || binary="$build_dir/cli/appflow-lint"
    sarif="${APPFLOW_LINT_SARIF:-appflow-lint.sarif}"
    # PATHS and ARGS are split on spaces, as a workflow author writes them.
    read -r -a paths <<< "${APPFLOW_LINT_PATHS:-.}"
    read -r -a args <<< "${APPFLOW_LINT_ARGS:-}"
    mkdir -p "$(dirname "$sarif")"  # -o writes into a folder that exists
    status=0
    "$binary" --format github --output "sarif:$sarif" "${args[@]}" "${paths[@]}" || status=$?
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
      { echo "sarif-file=$sarif"; echo "exit-status=$status"; } >> "$GITHUB_OUTPUT"
    fi
    exit "$status"
    ;;
  *)
    echo "usage: github-action.sh install|build|lint" >&2
    exit 2
    ;;
esac
