#!/usr/bin/env bash
# Set up if needed, then run the whole test suite (lint, format, layer contracts, types, tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh test,build  # build: the installer test (tests/test_installer.py)
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports
.venv/bin/mypy  # the files and flags: [tool.mypy] in pyproject.toml
.venv/bin/python -m pytest "$@"
