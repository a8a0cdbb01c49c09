"""``python -m riwaya``: the command line (riwaya/cli.py)."""

import sys

from riwaya.cli import main

sys.exit(main())
