"""ChatDesk: offline desktop chat for GPT-style models."""

__version__ = "0.1.0"
