"""The windowed app's entry point inside the bundle (`evidence-kit-gui`)."""

from evidence_kit.ui.app import run

run()
