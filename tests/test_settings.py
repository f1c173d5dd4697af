"""Settings layering and the one-line errors a broken config gives (exit status 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.cli import main
from flows.settings import ConfigError, apply_prefect_defaults, load_settings, starting_feeds


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_file_or_environment() -> None:
    settings = load_settings(environ={})
    assert settings.warehouse.path == Path("data/iswatch.duckdb")
    assert settings.alerts.smtp_host is None
    assert [f.name for f in starting_feeds(settings)] == ["isw", "caliber-az", "espreso-global"]


def test_file_then_environment_override(tmp_path: Path) -> None:
    config = write(tmp_path / "c.toml", """
[warehouse]
path = "from-file.duckdb"
[alerts]
smtp_host = "mail.example.org"
smtp_port = 2525
to = ["a@example.org"]
[[feeds]]
name = "one"
url = "https://example.org/feed"
""")
    settings = load_settings(config, environ={
        "ISWATCH_ALERTS__SMTP_PORT": "465", "ISWATCH_ALERTS__TO": "x@example.org, y@example.org",
        "ISWATCH_ALERTS__SMTP_PASSWORD": "s3cret"})
    assert settings.warehouse.path == Path("from-file.duckdb")
    assert settings.alerts.smtp_host == "mail.example.org"
    assert settings.alerts.smtp_port == 465
    assert settings.alerts.to == ("x@example.org", "y@example.org")
    assert settings.alerts.smtp_password is not None
    assert settings.alerts.smtp_password.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(settings)
    assert [f.name for f in starting_feeds(settings)] == ["one"]


def test_config_found_through_environment_and_working_directory(tmp_path: Path) -> None:
    config = write(tmp_path / "elsewhere.toml", '[warehouse]\npath = "env.duckdb"\n')
    assert load_settings(environ={"ISWATCH_CONFIG": str(config)}).warehouse.path == Path(
        "env.duckdb")
    write(tmp_path / "iswatch.toml", '[warehouse]\npath = "cwd.duckdb"\n')
    assert load_settings(environ={}).warehouse.path == Path("cwd.duckdb")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[alerts]\nsmtp_port = 'many'\n", "alerts.smtp_port"),
        ("[alerts]\nsmtp_security = 'ssl3'\n", "alerts.smtp_security"),
        ("[warehouse]\npaht = 'x'\n", "warehouse.paht: unknown key"),
        ("[[feeds]]\nname = 'a'\nurl = 'ftp://x'\n", "feeds.0.url"),
        ("[[feeds]]\nname='a'\nurl='http://x'\n[[feeds]]\nname='a'\nurl='http://y'\n",
         "feed names must be unique"),
        ("[alerts]\nsmtp_password = 'x'\n", "ISWATCH_ALERTS__SMTP_PASSWORD"),
        ("[warehouse\npath = 1\n", "not valid TOML"),
    ],
)
def test_bad_config_names_the_key(tmp_path: Path, text: str, expected: str) -> None:
    config = write(tmp_path / "bad.toml", text)
    with pytest.raises(ConfigError, match=expected.replace(".", r"\.").replace("[", r"\[")):
        load_settings(config, environ={})


def test_bad_config_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    config = write(tmp_path / "bad.toml", "[alerts]\nsmtp_port = 'many'\n")
    assert main(["status", "--config", str(config)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "alerts.smtp_port" in err and str(config) in err


def test_missing_config_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sql", "select 1", "--config", str(tmp_path / "nope.toml")]) == 2
    assert "config file not found" in capsys.readouterr().err


def test_bad_environment_value_names_the_variable_key() -> None:
    with pytest.raises(ConfigError, match="fetch.max_bytes"):
        load_settings(environ={"ISWATCH_FETCH__MAX_BYTES": "lots"})


def test_prefect_privacy_defaults_respect_user_choice() -> None:
    environ: dict[str, str] = {"DO_NOT_TRACK": "0"}
    apply_prefect_defaults(environ)
    assert environ == {"DO_NOT_TRACK": "0", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
