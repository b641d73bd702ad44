"""``python -m chatdesk`` behaves exactly like the ``chatdesk`` command."""

from chatdesk.cli import main

raise SystemExit(main())
