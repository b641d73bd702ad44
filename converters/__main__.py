"""``python -m converters`` runs the converter CLI."""

import sys

from .cli import main

sys.exit(main())
