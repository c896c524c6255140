"""Request ids: one per filled-in form, so a double click saves once.

A screen takes a fresh id when a form is shown and passes it with the save;
the service refuses a second save with the same id. The screens get ids from
here rather than from db/, which ui/ never imports.
"""

from __future__ import annotations

from db.base import new_id


def new_request_id() -> str:
    """A fresh id for the next save of one form."""
    return new_id()
