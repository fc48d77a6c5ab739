"""The inquiry record (schema version 1), as ``shared/spec/inquiry.md`` defines it.

These models hold *normalised* values only. Raw operator input goes through the parsers
(:mod:`intake_tui.record.normalise`) first; the models are the final guarantee of the
shape and the source of the published JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from intake_tui.record.choice_type import OneOf
from intake_tui.record.metadata import MAX_WHOLE
from intake_tui.record.options import (
    INDUSTRY,
    NEED_KIND,
    OWNERSHIP,
    PROJECT_TYPE,
    REGISTRATION,
    REQUIREMENTS,
    SOURCE,
    TIMELINE,
    codes,
)

SCHEMA_VERSION: Literal[1] = 1
TIMELINE_PATTERN = "^(" + "|".join(codes(TIMELINE)) + r"|\d{4}-(0[1-9]|1[0-2]))$"
MOBILE_PATTERN = r"^1[3-9]\d{9}$"
E164_PATTERN = r"^\+[1-9]\d{6,14}$"

NeedKind = Annotated[str, OneOf(NEED_KIND)]
Requirement = Annotated[str, OneOf(REQUIREMENTS)]
Industry = Annotated[str, OneOf(INDUSTRY)]
ProjectType = Annotated[str, OneOf(PROJECT_TYPE)]
Registration = Annotated[str, OneOf(REGISTRATION)]
Ownership = Annotated[str, OneOf(OWNERSHIP)]
Source = Annotated[str, OneOf(SOURCE)]
NonNegative = Annotated[float, Field(ge=0)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AreaRange(_Section):
    """A floor area in square metres; a single figure has ``min == max``."""

    min: float = Field(gt=0, le=1_000_000)
    max: float = Field(gt=0, le=1_000_000)

    @model_validator(mode="after")
    def _ordered(self) -> AreaRange:
        if self.min > self.max:
            raise ValueError("min must not exceed max")
        return self


class Need(_Section):
    """需求: what the caller is looking for."""

    kind: NeedKind
    floor_area_sqm: AreaRange | None = None
    land_area_mu: float | None = Field(default=None, gt=0, le=10_000)
    ceiling_height_m: float | None = Field(default=None, gt=0, le=100)
    floor_load_t_per_sqm: float | None = Field(default=None, gt=0, le=100)
    power_kva: float | None = Field(default=None, gt=0, le=1_000_000)
    crane_t: float | None = Field(default=None, gt=0, le=1_000)
    requirements: list[Requirement] = Field(default_factory=list)
    preferred_location: str | None = None
    timeline: str = Field(pattern=TIMELINE_PATTERN)
    notes: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _area_for_kind(self) -> Need:
        if self.kind == "land" and self.land_area_mu is None:
            raise ValueError("land_area_mu is required when kind is land")
        if self.kind != "land" and self.floor_area_sqm is None:
            raise ValueError("floor_area_sqm is required unless kind is land")
        return self


class Use(_Section):
    """用途: what the premises will be used for."""

    industry: Industry = "C"
    description: str = Field(min_length=2, max_length=200)
    project_type: ProjectType | None = None
    total_investment_wan: NonNegative | None = None
    employees: int | None = Field(default=None, ge=0)


class Tax(_Section):
    """税收: expected tax contribution and where the company will register."""

    annual_tax_wan: NonNegative | None = Field(
        description="万元 per year; null only when the caller explicitly said it is unknown"
    )
    annual_output_wan: NonNegative | None = None
    registration: Registration


class Company(_Section):
    """公司: the company behind the inquiry."""

    name: str = Field(min_length=2, max_length=100)
    uscc: str | None = Field(default=None, pattern=r"^[0-9A-HJ-NPQRTUWXY]{18}$")
    ownership: Ownership | None = None


class Contact(_Section):
    """联系人 and 手机号: who to call back."""

    name: str = Field(min_length=1, max_length=20)
    title: str | None = Field(default=None, max_length=50)
    mobile: str = Field(pattern=MOBILE_PATTERN)
    alt_phone: str | None = Field(default=None, pattern=E164_PATTERN)
    wechat: str | None = Field(default=None, max_length=50)
    email: str | None = Field(default=None, max_length=254)
    source: Source | None = None


class Consent(_Section):
    """告知与同意 (PIPL): the caller was told and agreed."""

    contact: Literal[True]
    share_with_parks: bool = False
    notice_version: str | None = None


class Call(_Section):
    """Timing of the phone call that produced the inquiry."""

    started_at: AwareDatetime | None = None
    ended_at: AwareDatetime | None = None
    duration_s: int | None = Field(default=None, ge=0, le=MAX_WHOLE)


class FieldNote(_Section):
    """A warning kept with the record: the field's dotted path and the rendered message."""

    field: str
    message: str


class Inquiry(_Section):
    """One call's inquiry: the record every entry path, the store and the backend share."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="Inquiry",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    schema_version: Literal[1] = SCHEMA_VERSION
    id: UUID
    revision: int = Field(default=1, ge=1, le=MAX_WHOLE)
    created_at: AwareDatetime
    submitted_at: AwareDatetime | None = None
    operator: str
    call: Call = Field(default_factory=Call)
    need: Need
    use: Use
    tax: Tax
    company: Company
    contact: Contact
    consent: Consent
    warnings: list[FieldNote] = Field(default_factory=list)

    def document(self) -> dict[str, Any]:
        """The record as a JSON-ready dict (the wire and file format)."""
        return self.model_dump(mode="json")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the record."""
    schema = Inquiry.model_json_schema(mode="serialization")
    return {"$schema": schema.pop("$schema"), "$id": "urn:intake-tui:inquiry:v1", **schema}
