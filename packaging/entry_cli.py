"""The console program's entry point inside the bundle (`evidence-kit`)."""

from evidence_kit.cli import main

main()
