"""`python -m monitor <command>`: the headless CLI, with no GUI at all."""

import sys

from monitor.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m monitor"))
