#!/usr/bin/env bash
# One command: set up (first time only) and start HubDesk. On first start the app installs the
# sample packs from content_packs/ into the embedded default database in your data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh
exec .venv/bin/hubdesk "$@"
