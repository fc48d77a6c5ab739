"""The configuration as one tree of frozen, strict models (the shape of the TOML file).

Unknown keys are errors because they are nearly always typos, and values are not coerced
across types (``timeout_s = "10"`` is refused) because TOML already has types. The
expected-value wording for each key lives in the catalogue under
``config.expect.<section>.<key>``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from intake_tui import paths
from intake_tui.config import defaults, rules
from intake_tui.config.token import token_problem as header_problem
from intake_tui.i18n import Lang, Message

ScriptStep = Literal["need", "use", "tax", "company", "contact", "mobile", "review"]

DEFAULT_TOKEN_ENV: Final = "INTAKE_TUI_TOKEN"

ScriptLine = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
NoticeText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class _Section(BaseModel):
    """Shared rules: unknown keys refused, no cross-type coercion, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


class AppSettings(_Section):
    """``[app]``: interface language and the operator id written into each record."""

    language: Lang = "zh"
    operator: Annotated[str, Field(pattern=r"^[A-Za-z0-9._-]{1,32}$")] = "op-01"


class StorageSettings(_Section):
    """``[storage]``: where the local database lives."""

    data_dir: str = ""
    database: str = "intake.sqlite3"

    @field_validator("data_dir")
    @classmethod
    def _anchor_data_dir(cls, value: str, info: ValidationInfo) -> str:
        return rules.anchored_path(value, info, "config.expect.storage.data_dir")

    @field_validator("database")
    @classmethod
    def _check_database(cls, value: str) -> str:
        return rules.relative_file_name(value, "config.expect.storage.database")


class FileSinkSettings(_Section):
    """``[file_sink]``: the append-only JSONL copy of every saved inquiry."""

    enabled: bool = True
    path: str = "inquiries.jsonl"

    @field_validator("path")
    @classmethod
    def _check_path(cls, value: str) -> str:
        return rules.relative_file_name(value, "config.expect.file_sink.path")


class BackendSettings(_Section):
    """``[backend]``: delivery of inquiries to the HTTP endpoint, and its retry policy."""

    enabled: bool = False
    # Checked even when left out, because an enabled backend needs it.
    url: Annotated[str, Field(validate_default=True)] = ""
    token_env: str = DEFAULT_TOKEN_ENV
    timeout_s: Annotated[float, Field(ge=0.5, le=300)] = 10
    connect_timeout_s: Annotated[float, Field(ge=0.5, le=300)] = 5
    ca_bundle: str = ""
    max_connections: Annotated[int, Field(ge=1, le=32)] = 4
    retry_base_s: Annotated[float, Field(ge=0.1, le=600)] = 2
    retry_cap_s: Annotated[float, Field(ge=1, le=86400, validate_default=True)] = 600
    sync_timeout_s: Annotated[float, Field(ge=1, le=3600)] = 120

    # Cross-key checks are field validators (reading the keys declared before) rather than
    # a model validator, so that they are reported together with every other problem.
    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str, info: ValidationInfo) -> str:
        if not value and info.data.get("enabled") is True:
            raise rules.config_error("config.expect.backend.url_required")
        return rules.http_url(value, "config.expect.backend.url")

    @field_validator("retry_cap_s")
    @classmethod
    def _cap_not_below_base(cls, value: float, info: ValidationInfo) -> float:
        base = info.data.get("retry_base_s")
        if isinstance(base, int | float) and value < base:
            raise rules.config_error("config.expect.backend.retry_order", base=f"{base:g}")
        return value

    @field_validator("token_env")
    @classmethod
    def _check_token_env(cls, value: str) -> str:
        return rules.env_var_name(value, "config.expect.backend.token_env")

    @field_validator("ca_bundle")
    @classmethod
    def _check_ca_bundle(cls, value: str, info: ValidationInfo) -> str:
        return rules.existing_file(value, info, "config.expect.backend.ca_bundle")

    def ca_bundle_path(self) -> Path | None:
        """The certificate bundle to trust instead of the system store, if one is set."""
        return Path(self.ca_bundle) if self.ca_bundle else None

    def read_token(self, environ: Mapping[str, str]) -> str | None:
        """The bearer token from *environ* (usually ``os.environ``), or None when unset."""
        token = environ.get(self.token_env, "").strip()
        return token or None

    def token_problem(self, environ: Mapping[str, str]) -> Message | None:
        """Why the token in *environ* cannot go in a header; None when it can or is unset."""
        token = self.read_token(environ)
        return None if token is None else header_problem(token, self.token_env)


class ConsentSettings(_Section):
    """``[consent]``: the privacy notice the operator reads, and its version."""

    notice_version: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)
    ] = defaults.NOTICE_VERSION
    notice_zh: NoticeText = defaults.NOTICE_ZH
    notice_en: NoticeText = defaults.NOTICE_EN

    def notice(self, lang: Lang) -> str:
        """The notice text in *lang*."""
        return self.notice_en if lang == "en" else self.notice_zh


class PrivacySettings(_Section):
    """``[privacy]``: how long inquiries are kept (0 keeps them forever)."""

    retention_days: Annotated[int, Field(ge=0, le=3650)] = defaults.RETENTION_DAYS


class ScriptLines(_Section):
    """One language's script: what the operator says at each capture step."""

    need: ScriptLine = ""
    use: ScriptLine = ""
    tax: ScriptLine = ""
    company: ScriptLine = ""
    contact: ScriptLine = ""
    mobile: ScriptLine = ""
    review: ScriptLine = ""

    def line(self, step: ScriptStep) -> str:
        """The script line for *step* ("" when the step has none)."""
        text: str = getattr(self, step)
        return text


# Two classes so that a partial [script.zh] table keeps the Chinese defaults for the
# steps it leaves out (and the same for English).
class ZhScriptLines(ScriptLines):
    """``[script.zh]``: the Chinese script, defaulting to the built-in lines."""

    need: ScriptLine = defaults.SCRIPT_ZH["need"]
    use: ScriptLine = defaults.SCRIPT_ZH["use"]
    tax: ScriptLine = defaults.SCRIPT_ZH["tax"]
    company: ScriptLine = defaults.SCRIPT_ZH["company"]
    contact: ScriptLine = defaults.SCRIPT_ZH["contact"]
    mobile: ScriptLine = defaults.SCRIPT_ZH["mobile"]
    review: ScriptLine = defaults.SCRIPT_ZH["review"]


class EnScriptLines(ScriptLines):
    """``[script.en]``: the English script, defaulting to the built-in lines."""

    need: ScriptLine = defaults.SCRIPT_EN["need"]
    use: ScriptLine = defaults.SCRIPT_EN["use"]
    tax: ScriptLine = defaults.SCRIPT_EN["tax"]
    company: ScriptLine = defaults.SCRIPT_EN["company"]
    contact: ScriptLine = defaults.SCRIPT_EN["contact"]
    mobile: ScriptLine = defaults.SCRIPT_EN["mobile"]
    review: ScriptLine = defaults.SCRIPT_EN["review"]


class ScriptSettings(_Section):
    """``[script]``: the call script in both languages."""

    zh: ZhScriptLines = ZhScriptLines()
    en: EnScriptLines = EnScriptLines()

    def lines(self, lang: Lang) -> ScriptLines:
        """The script in *lang*."""
        return self.en if lang == "en" else self.zh


class Location(_Section):
    """One ``[[locations]]`` entry: a park or area a caller may prefer."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=40)]
    zh: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    en: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]

    def label(self, lang: Lang) -> str:
        """The name in *lang*."""
        return self.en if lang == "en" else self.zh


class UiSettings(_Section):
    """``[ui]``: presentation choices of the terminal interface."""

    show_script: bool = True


def duplicate_ids(ids: Sequence[object]) -> list[tuple[int, int]]:
    """``(index, index of first use)`` for every id in *ids* that was used before."""
    first_index: dict[str, int] = {}
    repeats: list[tuple[int, int]] = []
    for index, item in enumerate(ids):
        if not isinstance(item, str):
            continue
        if item in first_index:
            repeats.append((index, first_index[item]))
        else:
            first_index[item] = index
    return repeats


class Config(_Section):
    """The whole configuration; ``Config()`` is the built-in default."""

    app: AppSettings = AppSettings()
    storage: StorageSettings = StorageSettings()
    file_sink: FileSinkSettings = FileSinkSettings()
    backend: BackendSettings = BackendSettings()
    consent: ConsentSettings = ConsentSettings()
    privacy: PrivacySettings = PrivacySettings()
    script: ScriptSettings = ScriptSettings()
    # Lax only for the container: a TOML array arrives as a list and is kept as a tuple.
    locations: Annotated[tuple[Location, ...], Field(strict=False)] = ()
    ui: UiSettings = UiSettings()

    @field_validator("locations")
    @classmethod
    def _unique_location_ids(cls, value: tuple[Location, ...]) -> tuple[Location, ...]:
        repeats = duplicate_ids([location.id for location in value])
        if repeats:
            index, first = repeats[0]
            raise rules.config_error(
                "config.expect.locations.unique",
                note="config.note.duplicate_id",
                at=(index, "id"),
                first=first,
            )
        return value

    @model_validator(mode="after")
    def _distinct_files(self) -> Config:
        if self.file_sink.enabled and self.file_sink_path() == self.database_path():
            raise rules.config_error("config.expect.file_sink.distinct", at=("file_sink", "path"))
        return self

    def data_dir_path(self) -> Path:
        """The folder that holds the database and relative output files (not created)."""
        if not self.storage.data_dir:
            return paths.user_data_dir()
        return Path(self.storage.data_dir).expanduser()

    def database_path(self) -> Path:
        """The SQLite database file."""
        return self.data_dir_path() / Path(self.storage.database).expanduser()

    def file_sink_path(self) -> Path:
        """The JSONL file every saved inquiry is appended to."""
        return self.data_dir_path() / Path(self.file_sink.path).expanduser()

    def location(self, location_id: str) -> Location | None:
        """The configured location with *location_id*, or None."""
        return next((loc for loc in self.locations if loc.id == location_id), None)


#: The embedded configuration used when no file is found.
DEFAULT_CONFIG: Final = Config()
