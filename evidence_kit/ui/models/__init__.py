"""Part of the desktop app; see evidence_kit/ui/__init__.py for the rules."""
