"""`python -m kiosk`: the same as the `tsunagari` command."""

import sys

from kiosk.cli import main

sys.exit(main())
