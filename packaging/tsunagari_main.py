"""The bundled app's entry point: the `tsunagari` command, frozen.

The bundle runs this file instead of the console script pip makes; it does what
`python -m kiosk` does. The GUI is found through the `tsunagari.frontends`
entry point, so packaging/build.py ships the distribution's metadata and
`ui.app` with it.
"""

import sys

from kiosk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
