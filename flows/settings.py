"""The one typed settings object, layered: shipped defaults < ``iswatch.toml`` < environment.

The file is ``--config PATH``, else ``$ISWATCH_CONFIG``, else ``./iswatch.toml`` when present.
Every key can be overridden by ``ISWATCH_<SECTION>__<KEY>`` (lists as comma-separated values),
e.g. ``ISWATCH_WAREHOUSE__PATH=/srv/iswatch.duckdb``. The SMTP password is read only from
``ISWATCH_ALERTS__SMTP_PASSWORD`` and is never written to the warehouse or to logs.

Problems surface as ``ConfigError`` with one line naming the key; the CLI exits 2 on it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

ENV_PREFIX = "ISWATCH_"
DEFAULT_CONFIG_NAME = "iswatch.toml"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class WarehouseSettings(_Section):
    path: Path = Field(Path("data/iswatch.duckdb"), description="DuckDB file; created on first use")
    lock_wait_seconds: float = Field(
        10.0, ge=0, description="how long readers (iswatch sql) retry while a pass is writing"
    )


class FeedSettings(_Section):
    name: str = Field(min_length=1, description="short unique name, used as the feed's key")
    url: str = Field(min_length=1, description="RSS/Atom/JSON feed address (http or https)")

    @field_validator("url")
    @classmethod
    def _http_only(cls, value: str) -> str:
        if not value.lower().startswith(("http://", "https://")):
            raise ValueError(f"must be an http(s) URL, got {value!r}")
        return value


class FetchSettings(_Section):
    connect_timeout: float = Field(10.0, gt=0, description="seconds to open a connection")
    read_timeout: float = Field(20.0, gt=0, description="seconds to wait for each read")
    total_timeout: float = Field(60.0, gt=0, description="seconds for a whole request")
    max_bytes: int = Field(5_000_000, gt=0, description="cap on a decompressed feed/page body")
    max_redirects: int = Field(5, ge=0, description="redirects followed per request")
    retries: int = Field(2, ge=0, description="transient-error retries within one pass")
    max_workers: int = Field(8, ge=1, description="concurrent requests in all")
    per_host: int = Field(2, ge=1, description="concurrent requests per host")
    user_agent: str | None = Field(
        None, description="User-Agent sent to feeds and sites; add a contact address "
        "(default: iswatch/<version> (news monitor of ISW assessment coverage))"
    )
    allow_hosts: tuple[str, ...] = Field(
        (), description="hosts exempt from the private/loopback address guard"
    )
    max_articles_per_pass: int | None = Field(
        None, ge=0, description="pages fetched per pass; the rest wait in the queue for the "
        "next pass (unset = all; 0 = poll feeds only)"
    )
    failing_passes_flag: int = Field(
        3, ge=1, description="a feed failing this many passes in a row is flagged in the summary"
    )


class AlertSettings(_Section):
    smtp_host: str | None = Field(None, description="SMTP server; unset = write .eml to outbox")
    smtp_port: int = Field(587, ge=1, le=65535, description="SMTP port")
    smtp_security: Literal["none", "starttls", "tls"] = Field("starttls", description="transport")
    smtp_user: str | None = Field(None, description="login name; password from the environment")
    smtp_password: SecretStr | None = Field(None, exclude=True, repr=False)
    smtp_timeout: float = Field(30.0, gt=0, description="seconds per SMTP operation")
    sender: str = Field("iswatch@localhost", alias="from", description="From: address")
    to: tuple[str, ...] = Field(("analyst@localhost",), description="recipients")
    outbox: Path = Field(Path("data/outbox"), description="folder for .eml files without SMTP")
    apprise_urls: tuple[str, ...] = Field((), description="extra channels (Slack, Teams, …)")
    actors: tuple[str, ...] = Field((), description="actors whose demands alert; empty = all")
    isw_only: bool = Field(
        False, description="only sentences attributed to ISW count for novelty (default: any "
        "sentence of an article that carries ISW statements)"
    )
    health: bool = Field(
        False, description="add pipeline-health items to the alert email: a feed failing "
        "[fetch] failing_passes_flag passes in a row, no completed pass for stale_hours"
    )
    stale_hours: float = Field(24.0, gt=0, description="hours without a completed pass that "
                               "count as a health problem")


class ScheduleSettings(_Section):
    cron: str | None = Field("0 */2 * * *", description="cron schedule for iswatch serve")
    interval_seconds: int | None = Field(None, gt=0, description="interval instead of cron")
    timezone: str = Field("UTC", description="time zone of the cron schedule")


class PrefectSettings(_Section):
    task_runner: Literal["threads", "dask"] = Field(
        "threads", description="where a pass's article chunks (fetch, extract, write) run: "
        "threads of the pass process, or a Dask cluster through prefect-dask"
    )
    dask_address: str | None = Field(
        None, description="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786; "
        "unset = a local Dask cluster started for each pass"
    )
    dask_workers: int = Field(2, ge=1, description="workers of the local Dask cluster")


class SeedSettings(_Section):
    path: Path = Field(PROJECT_ROOT / "seeds", description="folder holding manifest.toml")


class Settings(_Section):
    warehouse: WarehouseSettings = WarehouseSettings()
    feeds: tuple[FeedSettings, ...] | None = Field(
        None, description="feeds to poll; unset = the starting list in seeds/manifest.toml"
    )
    fetch: FetchSettings = FetchSettings()
    alerts: AlertSettings = AlertSettings()
    schedule: ScheduleSettings = ScheduleSettings()
    prefect: PrefectSettings = PrefectSettings()
    seeds: SeedSettings = SeedSettings()
    source: Path | None = Field(None, description="the config file read, if any")

    @field_validator("feeds")
    @classmethod
    def _unique_names(
        cls, feeds: tuple[FeedSettings, ...] | None
    ) -> tuple[FeedSettings, ...] | None:
        names = [f.name for f in feeds or ()]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"feed names must be unique: {', '.join(duplicates)}")
        return feeds


_LIST_KEYS = {("alerts", "to"), ("alerts", "apprise_urls"), ("alerts", "actors"),
              ("fetch", "allow_hosts")}


def find_config_file(
    explicit: str | os.PathLike[str] | None, environ: Mapping[str, str]
) -> Path | None:
    """Return the config file to read: explicit path, then $ISWATCH_CONFIG, then ./iswatch.toml."""
    if explicit:
        return Path(explicit)
    if environ.get("ISWATCH_CONFIG"):
        return Path(environ["ISWATCH_CONFIG"])
    local = Path.cwd() / DEFAULT_CONFIG_NAME
    return local if local.is_file() else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def _environment_layer(environ: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    layer: dict[str, dict[str, Any]] = {}
    for name, value in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name or name == "ISWATCH_CONFIG":
            continue
        section, _, key = name[len(ENV_PREFIX):].lower().partition("__")
        if (section, key) in _LIST_KEYS:
            layer.setdefault(section, {})[key] = [v.strip() for v in value.split(",") if v.strip()]
        else:
            layer.setdefault(section, {})[key] = value
    return layer


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def _describe(error: ValidationError, origin: str) -> str:
    first = error.errors()[0]
    key = ".".join(str(part) for part in first["loc"]) or "(top level)"
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "unknown key"
    shown = "" if first["type"] == "extra_forbidden" else f" (got {first.get('input')!r})"
    return f"{origin}: {key}: {message}{shown}"


def load_settings(
    path: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Return the settings from defaults, the config file and the environment, validated."""
    environ = os.environ if environ is None else environ
    config_file = find_config_file(path, environ)
    data: dict[str, Any] = _read_toml(config_file) if config_file else {}
    if isinstance(data.get("alerts"), dict) and "smtp_password" in data["alerts"]:
        raise ConfigError(
            f"{config_file}: alerts.smtp_password: not allowed in a file; "
            "set ISWATCH_ALERTS__SMTP_PASSWORD in the environment"
        )
    env_layer = _environment_layer(environ)
    merged = _merge(data, env_layer)
    if config_file:
        merged["source"] = config_file
    origin = str(config_file) if config_file else "environment"
    if env_layer:
        origin += " + ISWATCH_* environment" if config_file else " (ISWATCH_*)"
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, origin)) from None


def starting_feeds(settings: Settings) -> tuple[FeedSettings, ...]:
    """Return the configured feeds, or the starting list shipped in the seeds manifest."""
    if settings.feeds is not None:
        return settings.feeds
    manifest = settings.seeds.path / "manifest.toml"
    if not manifest.is_file():
        return ()
    raw = _read_toml(manifest).get("feeds", [])
    try:
        return tuple(FeedSettings.model_validate(item) for item in raw)
    except ValidationError as exc:
        raise ConfigError(_describe(exc, str(manifest))) from None


# Prefect reports usage to a telemetry host unless told not to. The user's own setting wins.
PREFECT_PRIVACY_DEFAULTS = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


def apply_prefect_defaults(environ: os._Environ[str] | dict[str, str] | None = None) -> None:
    """Switch Prefect's telemetry off in this process unless the user set those variables."""
    target = os.environ if environ is None else environ
    for name, value in PREFECT_PRIVACY_DEFAULTS.items():
        target.setdefault(name, value)
