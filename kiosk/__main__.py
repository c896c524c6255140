"""`python -m kiosk`: the same as the `tsunagari` command."""

import sys

from kiosk.cli.main import main

sys.exit(main())
