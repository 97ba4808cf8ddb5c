"""document: a written policy, handbook or record exists for the rule and covers its topics."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from narr_audit.checks.base import CheckBase, Topic

SUMMARY = (
    "An evidence document mapped to the rule (policy, handbook, agreement, plan) exists and its text "
    "covers every listed topic; each topic is met by any one of its alternative terms."
)


class DocumentCheck(CheckBase):
    kind: Literal["document"] = "document"
    topics: list[Topic] = []

    @field_validator("topics")
    @classmethod
    def _unique_topic_names(cls, value: list[Topic]) -> list[Topic]:
        names = [t.name.lower() for t in value]
        if len(set(names)) != len(names):
            raise ValueError("two topics have the same name")
        return value


PARAMS = DocumentCheck
