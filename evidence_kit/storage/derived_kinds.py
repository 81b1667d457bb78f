"""The kinds of derived data a vault keeps beside an item, and their media type.

Rule: one name per kind, here, for the code that writes derived data (importers/batch.py)
and the code that reads it (the dossier, the app). A stored kind is never renamed: vaults
already hold it.
"""

from __future__ import annotations

DERIVED_THUMBNAIL = "thumbnail"
DERIVED_IMAGE_INFO = "image_info"
DERIVED_CONVERSATION = "conversation"  # a conversation's facts (version 2) or all of it (version 1)
DERIVED_CONVERSATION_PART = "conversation_part"  # a run of its messages (version 2)
DERIVED_IMPORT_REPORT = "import_report"
DERIVED_FILE_INFO = "file_info"
JSON_TYPE = "application/json"
