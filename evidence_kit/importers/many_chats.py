"""An export of several chats as `ManyChats`: one entry and one conversation per chat, never merged.

Rule: the chats are handed on in the export's order, each with the key that says where the
export keeps it (a Telegram chat's id, its HTML folder, a Meta thread's path), so the item made
for each names exactly which part of the one sealed original it was read from. The attachments
of every chat are one list, each name once (two chats naming one file share its item).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from evidence_kit.domain import (
    ChatEntry,
    ConversationStream,
    EmbeddedFile,
    ManyChats,
    ParsedExport,
    StreamedExport,
)

# The facts that say where an export keeps a chat, in the order they are looked for.
_KEY_FACTS = (("chat_folder", "{}"), ("thread_path", "{}"), ("chat_id", "chat id {}"))


def chat_key(export: ParsedExport | StreamedExport, index: int) -> str:
    """Where the export keeps this chat, from the facts its reader recorded (else its position)."""
    extra = dict(export.conversation.extra)
    for fact, shown in _KEY_FACTS:
        value = extra.get(fact)
        if value:
            return shown.format(value)
    return f"chat {index + 1}"


def many_from_exports(exports: Sequence[ParsedExport | StreamedExport]) -> ManyChats:
    """Chats read whole (HTML pages are parsed as documents anyway) or as streams, in order; a
    stream's messages are read only when its turn comes."""
    files: dict[str, EmbeddedFile] = {}
    for export in exports:
        for embedded in export.files:
            files.setdefault(embedded.name, embedded)
    chats = tuple(
        ChatEntry(index, export.conversation.title, chat_key(export, index), export.missing)
        for index, export in enumerate(exports)
    )

    def conversations() -> Iterator[ConversationStream]:
        return (_stream(export) for export in exports)

    return ManyChats(chats=chats, files=tuple(files.values()), conversations=conversations)


def _stream(export: ParsedExport | StreamedExport) -> ConversationStream:
    conversation = export.conversation
    if isinstance(conversation, ConversationStream):
        return conversation
    return ConversationStream.of(conversation)
