#!/usr/bin/env bash
# Set up if needed, then run the Planner with the given arguments (none: the application).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/packaging/setup.sh"
exec "$here/.venv/bin/planner" "$@"
