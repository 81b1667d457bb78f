"""Finds every user-visible English message in the core and the CLI (for the translation test).

Run `python -m tests.i18n_messages` to print the messages that `locale/nl.json` lacks, as a
JSON skeleton to translate.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

from evidence_kit.domain import ItemKind, TimeSource
from evidence_kit.storage.custody import EventType

PACKAGE = Path(__file__).resolve().parents[1] / "evidence_kit"
# Positional index of the message in calls of these functions/classes.
MESSAGE_ARG = {"_": 0, "fmt": 0, "_problem": 2, "ParseWarning": 1, "_warning": 1}
# Functions that take two messages: the singular and the plural form (`i18n.nfmt`).
MESSAGE_ARGS_TWO = {"nfmt": (0, 1)}
MESSAGE_KEYWORDS = {"template", "message", "timezone_assumption", "assumption"}


def _const(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _name(func: ast.AST) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def messages_in(source: str) -> set[str]:
    found: set[str] = set()
    tree = ast.parse(source)
    # Module-level string constants, so a message kept in a constant (`_EMPTY = "..."`) counts too.
    constants: dict[str, str] = {}
    for statement in tree.body:
        target = (
            statement.targets[0]
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1
            else (statement.target if isinstance(statement, ast.AnnAssign) else None)
        )
        value = getattr(statement, "value", None)
        if isinstance(target, ast.Name) and value is not None and (text := _const(value)):
            constants[target.id] = text

    def text_of(node: ast.AST) -> str | None:
        if isinstance(node, ast.Name):
            return constants.get(node.id)
        return _const(node)

    # Time-zone notes are data the dossier translates: constants named so, and the texts that
    # functions named after them return.
    found |= {
        text for name, text in constants.items() if re.search(r"(^|_)(TZ|TIMEZONE|ZONE|ASSUMPTION)", name)
    }
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef) and "timezone" in function.name:
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and node.value is not None and (text := _const(node.value)):
                    found.add(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for position in MESSAGE_ARGS_TWO.get(_name(node.func) or "", ()):
                if len(node.args) > position and (text := text_of(node.args[position])):
                    found.add(text)
            index = MESSAGE_ARG.get(_name(node.func) or "")
            if index is not None and len(node.args) > index and (text := text_of(node.args[index])):
                found.add(text)
            for keyword in node.keywords:
                if keyword.arg in MESSAGE_KEYWORDS and (text := text_of(keyword.value)):
                    found.add(text)
        elif isinstance(node, ast.ClassDef):
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and len(statement.targets) == 1
                    and isinstance(statement.targets[0], ast.Name)
                    and statement.targets[0].id == "template"
                    and (text := _const(statement.value))
                ):
                    found.add(text)
    return found


def all_messages() -> set[str]:
    found: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" in path.relative_to(PACKAGE).parts or "migrations" in path.parts:
            continue
        found |= messages_in(path.read_text(encoding="utf-8"))
    found |= {value for name, value in vars(EventType).items() if name.isupper()}
    found |= {str(kind) for kind in ItemKind} | {str(source) for source in TimeSource}
    return found


if __name__ == "__main__":
    catalog = json.loads((PACKAGE / "locale" / "nl.json").read_text(encoding="utf-8"))
    missing = {m: "" for m in sorted(all_messages()) if m not in catalog}
    json.dump(missing, sys.stdout, ensure_ascii=False, indent=2)
    print()
