"""Converter version, recorded in every GGUF as ``chatdesk.converter.version``."""

CONVERTER_VERSION = "0.1.0"
