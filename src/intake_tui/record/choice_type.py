"""A pydantic annotation for a string limited to the codes of an option list."""

from __future__ import annotations

from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from intake_tui.record.options import OptionList, codes


class OneOf:
    """``Annotated[str, OneOf(OPTIONS)]``: validates the code and publishes an ``enum``."""

    __slots__ = ("allowed", "options")

    def __init__(self, options: OptionList) -> None:
        self.options = options
        self.allowed = codes(options)

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.literal_schema(list(self.allowed))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        described = " · ".join(f"{o.code} {o.zh} ({o.en})" for o in self.options)
        return {"type": "string", "enum": list(self.allowed), "description": described}
