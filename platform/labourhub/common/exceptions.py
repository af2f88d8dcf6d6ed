from typing import Any


class ApplicationError(Exception):
    """A business-rule refusal. ``message`` is already translated for the user (R9)."""

    def __init__(self, message: str, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
