"""check-config's view of the effective settings: complete, resolved, secrets hidden."""

from __future__ import annotations

import tomllib
from pathlib import Path

from intake_tui import paths
from intake_tui.config import (
    Config,
    config_warnings,
    describe_config,
    load_config,
    load_config_text,
)
from intake_tui.config.loading import LoadedConfig
from tests.config.helpers import SAMPLE, write_config

SECRET = "s3cr3t-T0ken-Value-0123456789"


def test_header_names_the_source_file() -> None:
    text = describe_config(load_config(SAMPLE), "zh")
    assert text.splitlines()[0] == f"# 配置文件（命令行指定）：{SAMPLE}"


def test_header_for_built_in_defaults() -> None:
    assert describe_config(load_config(), "zh").startswith("# 已使用内置默认配置")
    assert describe_config(load_config(), "en").startswith("# Using the built-in defaults")


def test_every_value_and_resolved_path_is_shown() -> None:
    loaded = load_config(SAMPLE)
    text = describe_config(loaded, "en")
    data = paths.user_data_dir()
    assert f"the user data folder: {data}" in text
    assert f"resolved: {data / 'intake.sqlite3'}" in text
    assert f"resolved: {data / 'inquiries.jsonl'}" in text
    for line in ("timeout_s = 10", "retention_days = 730", 'id = "etdz"', "show_script = true"):
        assert line in text


def test_output_is_toml_that_reproduces_the_configuration() -> None:
    loaded = load_config(SAMPLE)
    again = Config.model_validate(tomllib.loads(describe_config(loaded, "zh")))
    assert again == loaded.config


def test_token_is_never_shown_only_whether_it_is_set() -> None:
    loaded = load_config()
    shown = describe_config(loaded, "zh", environ={"INTAKE_TUI_TOKEN": SECRET})
    assert SECRET not in shown
    assert 'token_env = "INTAKE_TUI_TOKEN"  # 令牌：已设置（已隐藏）' in shown
    unset = describe_config(loaded, "en", environ={})
    assert "token: not set" in unset


def test_http_url_is_allowed_but_warned_about() -> None:
    config = load_config_text('[backend]\nenabled = true\nurl = "http://crm.example.org/in"\n')
    text = describe_config(LoadedConfig(config, None), "en", environ={"INTAKE_TUI_TOKEN": "x"})
    assert "# Warnings:" in text
    assert "unencrypted http" in text


def test_http_to_this_machine_is_not_warned_about() -> None:
    config = load_config_text('[backend]\nenabled = true\nurl = "http://127.0.0.1:8080/in"\n')
    assert config_warnings(config, {"INTAKE_TUI_TOKEN": "x"}) == []


def test_enabled_backend_without_token_and_keep_forever_are_warned_about() -> None:
    config = load_config_text(
        '[backend]\nenabled = true\nurl = "https://crm.example.org/in"\ntoken_env = "CRM_TOKEN"\n'
        "[privacy]\nretention_days = 0\n"
    )
    keys = [w.key for w in config_warnings(config, {})]
    assert keys == ["config.warning.token_unset", "config.warning.keep_forever"]
    text = describe_config(LoadedConfig(config, None), "zh", environ={})
    assert "CRM_TOKEN" in text and "永久保存" in text


def test_sample_has_no_warnings() -> None:
    assert config_warnings(load_config(SAMPLE).config, {}) == []
    assert describe_config(load_config(SAMPLE), "en", environ={}).endswith("# No warnings.\n")


def test_user_file_origin_and_relative_data_dir(tmp_path: Path) -> None:
    write_config(paths.user_config_dir(), '[storage]\ndata_dir = "data"\n')
    text = describe_config(load_config(), "en")
    assert "(user config folder)" in text.splitlines()[0]
    assert f"resolved: {paths.user_config_dir() / 'data' / 'intake.sqlite3'}" in text


def test_secret_parameters_of_the_backend_url_are_masked() -> None:
    # Robot webhooks carry their credentials in the address (WeCom key=, DingTalk sign=).
    url = "https://oapi.example.cn/robot/send?key=k-55-secret&timestamp=1700000000&sign=sg-91ab"
    config = load_config_text(f'[backend]\nenabled = true\nurl = "{url}"\n')
    text = describe_config(LoadedConfig(config, None), "en", environ={})
    assert (
        'url = "https://oapi.example.cn/robot/send?key=[REDACTED]&timestamp=1700000000'
        '&sign=[REDACTED]"'
    ) in text
    assert "k-55-secret" not in text and "sg-91ab" not in text


def test_check_config_prints_the_url_masked(tmp_path: Path) -> None:
    from tests.helpers import run_cli

    config = write_config(
        tmp_path,
        '[backend]\nenabled = true\nurl = "https://crm.example.cn/in?app_key=ak-3c-secret"\n',
    )
    result = run_cli("check-config", str(config))
    assert result.returncode == 0, result.stderr
    assert 'url = "https://crm.example.cn/in?app_key=[REDACTED]"' in result.stdout
    assert "ak-3c-secret" not in result.stdout + result.stderr
