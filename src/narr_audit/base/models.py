"""The strict base model of every model read from a user's or the Standard's files."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """Base of every model read from a user's or the Standard's files: unknown keys are errors."""

    # defer_build: a model's validator is built when first used, so a command does not pay at start-up
    # for models it never touches (batch, diff and review models during a check, say).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)
