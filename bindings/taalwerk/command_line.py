"""The ``taalwerk`` console command: the C++ command line (run, check, params, outputs)."""
from __future__ import annotations

import sys

from . import _core


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    return _core.run_command_line(arguments)


if __name__ == "__main__":
    sys.exit(main())
