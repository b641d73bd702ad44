"""The inference worker: one long-lived QObject on its own QThread that owns the engine."""
