"""Window parts every feature may use: owner-bound background tasks, the message strip, form parts,
the action registry, the session state, the application context and the one undo mechanism.
No feature and no shell imports here (import-linter keeps it so)."""
