"""``python -m chatdesk.evaluation MODEL ...``: see ``chatdesk.evaluation.child``."""

import sys

from chatdesk.evaluation.child import main

sys.exit(main())
