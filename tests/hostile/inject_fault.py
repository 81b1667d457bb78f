"""Run the real `evidence-kit` CLI with one function of the program replaced by one that raises.

Usage: python -m tests.hostile.inject_fault MODULE:NAME KIND -- CLI ARGS...
KIND is `runtime` (a bug: RuntimeError), `memory` (MemoryError: a file too big to parse) or
`recursion` (RecursionError: nesting too deep). The message of the injected error holds a
marker text that must never be printed: an unexpected error's text may quote evidence.
"""

from __future__ import annotations

import importlib
import sys
from typing import NoReturn

SECRET_MARKER = "fictional-secret-from-the-evidence"


def _broken(kind: str) -> object:
    errors: dict[str, BaseException] = {
        "runtime": RuntimeError(f"injected fault: {SECRET_MARKER}"),
        "memory": MemoryError(SECRET_MARKER),
        "recursion": RecursionError(SECRET_MARKER),
    }

    def broken(*_args: object, **_kwargs: object) -> NoReturn:
        raise errors[kind]

    return broken


def main() -> NoReturn:
    target, kind, separator, *cli_args = sys.argv[1:]
    assert separator == "--", "usage: MODULE:NAME KIND -- CLI ARGS"
    module_name, name = target.split(":")
    module = importlib.import_module(module_name)
    assert hasattr(module, name), f"{module_name} has no {name}: the test points at nothing"
    setattr(module, name, _broken(kind))
    from evidence_kit.cli import main as cli_main

    cli_main(cli_args)


if __name__ == "__main__":
    main()
