#!/usr/bin/env python
import os
import sys
from pathlib import Path


def main() -> None:
    root = Path(__file__).resolve().parent
    # platform/ is a source root, not a package: it must never shadow the stdlib 'platform'.
    sys.path.insert(1, str(root / "platform"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labourhub.config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
