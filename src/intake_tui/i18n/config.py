"""Catalogue entries for the config area: key -> {"zh": ..., "en": ...}.

``config.expect.<section>.<key>`` says what a right value of that key looks like; the
loader picks it by the dotted key of the problem, so a new key in the model needs a new
entry here (a test checks that every key of the model has one).
"""


def _bool(example: str) -> dict[str, str]:
    """The expectation of a true/false key, with the key itself as the example."""
    return {
        "zh": f"true 或 false（不加引号），例如 {example}",
        "en": f"true or false (without quotes), e.g. {example}",
    }


MESSAGES: dict[str, dict[str, str]] = {
    # --- one line per problem -------------------------------------------------------
    "config.problem.line": {
        "zh": "{file}：{key}：实际为 {found}；应为 {expected}",
        "en": "{file}: {key}: found {found}; expected {expected}",
    },
    "config.problem.file_line": {
        "zh": "{file}：{found}；应为 {expected}",
        "en": "{file}: {found}; expected {expected}",
    },
    # --- what was found -------------------------------------------------------------
    "config.found.missing": {"zh": "（未填写）", "en": "nothing (the key is missing)"},
    "config.found.typed": {"zh": "{value}（{kind}）", "en": "{value} ({kind})"},
    "config.found.noted": {"zh": "{value}（{note}）", "en": "{value} ({note})"},
    "config.found.hidden": {
        "zh": "一个密钥（内容已隐藏）：{note}",
        "en": "a secret (value hidden): {note}",
    },
    "config.found.no_file": {"zh": "文件不存在", "en": "no such file"},
    "config.found.is_directory": {
        "zh": "这是一个文件夹，不是文件",
        "en": "a folder, not a file",
    },
    "config.found.unreadable": {
        "zh": "无法读取文件（{reason}）",
        "en": "a file that cannot be read ({reason})",
    },
    "config.found.not_utf8": {
        "zh": "不是 UTF-8 编码的文本（第 {line} 行有无法识别的字节）",
        "en": "text that is not UTF-8 (undecodable bytes on line {line})",
    },
    "config.found.toml_syntax": {
        "zh": "TOML 语法错误，第 {line} 行第 {column} 列：{detail}（该行：{text}）",
        "en": "a TOML syntax error at line {line}, column {column}: {detail} (the line: {text})",
    },
    "config.found.toml_syntax_end": {
        "zh": "TOML 语法错误，在文件末尾：{detail}",
        "en": "a TOML syntax error at the end of the file: {detail}",
    },
    # --- kinds of TOML values -------------------------------------------------------
    "config.kind.text": {"zh": "文字", "en": "text"},
    "config.kind.integer": {"zh": "整数", "en": "a whole number"},
    "config.kind.number": {"zh": "小数", "en": "a decimal number"},
    "config.kind.boolean": {"zh": "真假值", "en": "true/false"},
    "config.kind.table": {"zh": "表", "en": "a table"},
    "config.kind.list": {"zh": "列表", "en": "a list"},
    "config.kind.datetime": {"zh": "日期时间", "en": "a date/time"},
    # --- notes on a value found -----------------------------------------------------
    "config.note.unknown_key": {"zh": "未知的键", "en": "unknown key"},
    "config.note.bad_path": {"zh": "不是有效的路径", "en": "not a usable path"},
    "config.note.no_such_file": {"zh": "文件不存在", "en": "no such file"},
    "config.note.not_http_url": {
        "zh": "不是完整的 http(s) 网址",
        "en": "not a complete http(s) address",
    },
    "config.note.secret_key": {
        "zh": "配置文件里出现了令牌/密码类的键",
        "en": "a token or password key in the config file",
    },
    "config.note.secret_value": {
        "zh": "这看起来是令牌本身，而不是环境变量的名字",
        "en": "this looks like the token itself, not the name of a variable",
    },
    "config.note.secret_in_url": {
        "zh": "网址里带有密码或令牌",
        "en": "the address carries a password or token",
    },
    "config.note.duplicate_id": {"zh": "编号重复", "en": "id used twice"},
    # --- what a right value looks like: per key -------------------------------------
    "config.expect.app.language": {
        "zh": '"zh"（中文）或 "en"（英文），例如 language = "zh"',
        "en": '"zh" (Chinese) or "en" (English), e.g. language = "zh"',
    },
    "config.expect.app.operator": {
        "zh": '1–32 个英文字母、数字或 - _ . 组成的坐席编号，例如 operator = "op-01"',
        "en": 'an operator id of 1–32 letters, digits, - _ or ., e.g. operator = "op-01"',
    },
    "config.expect.storage.data_dir": {
        "zh": '文件夹路径，留空 "" 表示使用系统的用户数据文件夹，例如 data_dir = "/srv/intake-tui"',
        "en": 'a folder path, or "" for the user data folder, e.g. data_dir = "/srv/intake-tui"',
    },
    "config.expect.storage.database": {
        "zh": '数据库文件名（相对路径在 data_dir 之内），例如 database = "intake.sqlite3"',
        "en": 'a database file name (relative to data_dir), e.g. database = "intake.sqlite3"',
    },
    "config.expect.file_sink.enabled": _bool("enabled = true"),
    "config.expect.file_sink.path": {
        "zh": 'JSONL 文件路径（相对路径在 data_dir 之内），例如 path = "inquiries.jsonl"',
        "en": 'a JSONL file path (relative to data_dir), e.g. path = "inquiries.jsonl"',
    },
    "config.expect.file_sink.distinct": {
        "zh": '与 storage.database 不同的文件，例如 path = "inquiries.jsonl"',
        "en": 'a file other than storage.database, e.g. path = "inquiries.jsonl"',
    },
    "config.expect.backend.enabled": _bool("enabled = false"),
    "config.expect.backend.url": {
        "zh": '完整的 https 网址，例如 url = "https://crm.example.org/api/inquiries"',
        "en": 'a complete https address, e.g. url = "https://crm.example.org/api/inquiries"',
    },
    "config.expect.backend.url_required": {
        "zh": 'backend.enabled = true 时必须填写网址，例如 url = "https://crm.example.org/api/inquiries"',
        "en": 'an address, required when backend.enabled = true, e.g. url = "https://crm.example.org/api/inquiries"',
    },
    "config.expect.backend.token_env": {
        "zh": "环境变量名（英文字母、数字、下划线，不以数字开头），"
        '例如 token_env = "INTAKE_TUI_TOKEN"',
        "en": "an environment variable name (letters, digits, _; not starting with a digit), "
        'e.g. token_env = "INTAKE_TUI_TOKEN"',
    },
    "config.expect.backend.timeout_s": {
        "zh": "0.5 到 300 之间的秒数，例如 timeout_s = 10",
        "en": "seconds between 0.5 and 300, e.g. timeout_s = 10",
    },
    "config.expect.backend.connect_timeout_s": {
        "zh": "0.5 到 300 之间的秒数，例如 connect_timeout_s = 5",
        "en": "seconds between 0.5 and 300, e.g. connect_timeout_s = 5",
    },
    "config.expect.backend.ca_bundle": {
        "zh": '已存在的 PEM 证书文件，或留空 "" 使用系统证书库，'
        '例如 ca_bundle = "/etc/ssl/certs/ca-certificates.crt"',
        "en": 'an existing PEM certificate file, or "" for the system store, '
        'e.g. ca_bundle = "/etc/ssl/certs/ca-certificates.crt"',
    },
    "config.expect.backend.max_connections": {
        "zh": "1 到 32 之间的整数，例如 max_connections = 4",
        "en": "a whole number from 1 to 32, e.g. max_connections = 4",
    },
    "config.expect.backend.retry_base_s": {
        "zh": "0.1 到 600 之间的秒数，例如 retry_base_s = 2",
        "en": "seconds between 0.1 and 600, e.g. retry_base_s = 2",
    },
    "config.expect.backend.retry_cap_s": {
        "zh": "1 到 86400 之间的秒数，例如 retry_cap_s = 600",
        "en": "seconds between 1 and 86400, e.g. retry_cap_s = 600",
    },
    "config.expect.backend.retry_order": {
        "zh": "不小于 retry_base_s（{base}）的秒数，例如 retry_cap_s = 600",
        "en": "seconds no less than retry_base_s ({base}), e.g. retry_cap_s = 600",
    },
    "config.expect.backend.sync_timeout_s": {
        "zh": "1 到 3600 之间的秒数，例如 sync_timeout_s = 120",
        "en": "seconds between 1 and 3600, e.g. sync_timeout_s = 120",
    },
    "config.expect.consent.notice_version": {
        "zh": '1–32 个字的版本号，例如 notice_version = "2026-01"',
        "en": 'a version label of 1–32 characters, e.g. notice_version = "2026-01"',
    },
    "config.expect.consent.notice_zh": {
        "zh": '不超过 2000 字、不为空的中文告知文本，例如 notice_zh = "您好，……请问您同意吗？"',
        "en": "non-empty Chinese notice text of up to 2000 characters, "
        'e.g. notice_zh = "您好，……请问您同意吗？"',
    },
    "config.expect.consent.notice_en": {
        "zh": "不超过 2000 字、不为空的英文告知文本，"
        '例如 notice_en = "Before we take your details: …"',
        "en": "non-empty English notice text of up to 2000 characters, "
        'e.g. notice_en = "Before we take your details: …"',
    },
    "config.expect.privacy.retention_days": {
        "zh": "0（永久保存）或 1 到 3650 之间的天数，例如 retention_days = 730",
        "en": "0 (keep forever) or a number of days from 1 to 3650, e.g. retention_days = 730",
    },
    "config.expect.script.line": {
        "zh": '不超过 500 字的文字（可留空 ""），例如 need = "请问您是想租厂房、买厂房还是拿地？"',
        "en": 'text of up to 500 characters (may be ""), '
        'e.g. need = "Are you looking to rent a factory?"',
    },
    "config.expect.locations": {
        "zh": '[[locations]] 表的列表，每项有 id、zh、en，例如 [[locations]] id = "hitech-park"',
        "en": "a list of [[locations]] tables with id, zh and en, "
        'e.g. [[locations]] id = "hitech-park"',
    },
    "config.expect.locations.id": {
        "zh": '小写英文字母、数字、- 或 _ 组成的编号（最多 40 字），例如 id = "hitech-park"',
        "en": 'an id of lower-case letters, digits, - or _ (up to 40), e.g. id = "hitech-park"',
    },
    "config.expect.locations.unique": {
        "zh": "不重复的编号（这个编号已被 locations[{first}] 使用）",
        "en": "an id not used before (this one is already used by locations[{first}])",
    },
    "config.expect.locations.zh": {
        "zh": '1–40 字的中文名称，例如 zh = "高新技术产业开发区"',
        "en": 'a Chinese name of 1–40 characters, e.g. zh = "高新技术产业开发区"',
    },
    "config.expect.locations.en": {
        "zh": '1–80 字的英文名称，例如 en = "Hi-Tech Industrial Development Zone"',
        "en": 'an English name of 1–80 characters, e.g. en = "Hi-Tech Industrial Development Zone"',
    },
    "config.expect.ui.show_script": _bool("show_script = true"),
    # --- what a right value looks like: general -------------------------------------
    "config.expect.secret": {
        "zh": "不在配置文件里写密钥：删掉这一项，把令牌放进 backend.token_env 指定的环境变量，"
        "例如 export {env}=…",
        "en": "no secrets in the config file: remove this and put the token in the environment "
        "variable named by backend.token_env, e.g. export {env}=…",
    },
    "config.expect.unknown_key.suggest": {
        "zh": "已知的键——是不是想写 {suggestion}？",
        "en": "a known key — did you mean {suggestion}?",
    },
    "config.expect.unknown_key.list": {
        "zh": "这里已知的键之一：{known}",
        "en": "one of the keys known here: {known}",
    },
    "config.expect.table": {
        "zh": "一个表，例如 [{name}]",
        "en": "a table, e.g. [{name}]",
    },
    "config.expect.type.boolean": _bool("enabled = true"),
    "config.expect.type.integer": {"zh": "整数，例如 4", "en": "a whole number, e.g. 4"},
    "config.expect.type.number": {"zh": "数字，例如 10", "en": "a number, e.g. 10"},
    "config.expect.type.text": {
        "zh": '加英文双引号的文字，例如 "op-01"',
        "en": 'text in double quotes, e.g. "op-01"',
    },
    "config.expect.type.other": {
        "zh": "sample_config.toml 中说明的取值",
        "en": "a value as described in sample_config.toml",
    },
    "config.expect.config_file": {
        "zh": "一个已存在的配置文件，例如 {example}",
        "en": "an existing configuration file, e.g. {example}",
    },
    "config.expect.config_file_env": {
        "zh": "环境变量 {env} 指向一个已存在的配置文件（或删除该变量），例如 {example}",
        "en": "{env} naming an existing configuration file (or unset it), e.g. {example}",
    },
    "config.expect.readable_file": {
        "zh": "一个当前用户有读取权限的文件，例如 chmod 644 后的 intake_tui.toml",
        "en": "a file the current user may read, e.g. intake_tui.toml after chmod 644",
    },
    "config.expect.utf8": {
        "zh": "UTF-8 编码的文本文件（在编辑器中“另存为 UTF-8”）",
        "en": "a UTF-8 text file (use 'save as UTF-8' in the editor)",
    },
    "config.expect.toml": {
        "zh": '符合 TOML 语法的内容，例如 timeout_s = 10 或 url = "https://crm.example.org"'
        "（文字要加英文双引号）",
        "en": 'valid TOML, e.g. timeout_s = 10 or url = "https://crm.example.org" '
        "(text in double quotes)",
    },
    # --- warnings from check-config -------------------------------------------------
    "config.warning.http_url": {
        "zh": "backend.url 使用未加密的 http：令牌和来电人信息会以明文传输；除本机测试外，请改用 "
        "https，例如 https://crm.example.org/api/inquiries",
        "en": "backend.url uses unencrypted http: the token and callers' details travel in "
        "clear text; outside local tests use https, e.g. https://crm.example.org/api/inquiries",
    },
    "config.warning.token_unset": {
        "zh": "后端已启用，但环境变量 {env} 未设置：提交时不会带 Authorization 头；如果后端需要"
        "令牌，请先执行 export {env}=…",
        "en": "the backend is enabled but {env} is not set: requests will carry no "
        "Authorization header; if the backend needs a token, run export {env}=… first",
    },
    "config.warning.keep_forever": {
        "zh": "privacy.retention_days = 0：记录永久保存；个人信息保护法要求只保存到实现目的所必需"
        "的最短时间，并在告知文本中说明，例如 retention_days = 730",
        "en": "privacy.retention_days = 0: records are kept forever; the PIPL asks for the "
        "shortest period the purpose needs, stated in the notice, e.g. retention_days = 730",
    },
    # --- check-config: describing the effective settings ----------------------------
    "config.describe.source.option": {
        "zh": "配置文件（命令行指定）：{path}",
        "en": "Configuration file (named on the command line): {path}",
    },
    "config.describe.source.env": {
        "zh": "配置文件（由环境变量 {env} 指定）：{path}",
        "en": "Configuration file (from {env}): {path}",
    },
    "config.describe.source.user": {
        "zh": "配置文件（用户配置文件夹）：{path}",
        "en": "Configuration file (user config folder): {path}",
    },
    "config.describe.source.default": {
        "zh": "已使用内置默认配置（未找到配置文件）",
        "en": "Using the built-in defaults (no configuration file found)",
    },
    "config.describe.resolved": {"zh": "实际位置：{path}", "en": "resolved: {path}"},
    "config.describe.user_data_dir": {
        "zh": "系统用户数据文件夹：{path}",
        "en": "the user data folder: {path}",
    },
    "config.token.line_break": {
        "zh": "环境变量 {env} 中的令牌无法放进 HTTP 请求头：第 {position} 个字符是换行符；"
        "令牌只能由不含空格的可打印 ASCII 字符组成。请按后台签发的原样重新设置，例如 export {env}=abc123",
        "en": "the token in the environment variable {env} cannot be sent in an HTTP header: "
        "character {position} is a line break; a token is printable ASCII without spaces. "
        "Set it again exactly as the backend issued it, e.g. export {env}=abc123",
    },
    "config.token.non_ascii": {
        "zh": "环境变量 {env} 中的令牌无法放进 HTTP 请求头：第 {position} 个字符是非 ASCII 字符；"
        "令牌只能由不含空格的可打印 ASCII 字符组成。请按后台签发的原样重新设置，例如 export {env}=abc123",
        "en": "the token in the environment variable {env} cannot be sent in an HTTP header: "
        "character {position} is a non-ASCII character; a token is printable ASCII without spaces. "
        "Set it again exactly as the backend issued it, e.g. export {env}=abc123",
    },
    "config.token.space_or_control": {
        "zh": "环境变量 {env} 中的令牌无法放进 HTTP 请求头：第 {position} 个字符是空格或控制字符；"
        "令牌只能由不含空格的可打印 ASCII 字符组成。请按后台签发的原样重新设置，例如 export {env}=abc123",
        "en": "the token in the environment variable {env} cannot be sent in an HTTP header: "
        "character {position} is a space or a control character; a token is printable ASCII without spaces. "
        "Set it again exactly as the backend issued it, e.g. export {env}=abc123",
    },
    "config.describe.token_unsendable": {
        "zh": "令牌：已设置但无法发送（见下方提示）",
        "en": "token: set, but it cannot be sent (see the warning below)",
    },
    "config.describe.token_set": {
        "zh": "令牌：已设置（已隐藏）",
        "en": "token: set (hidden)",
    },
    "config.describe.token_unset": {"zh": "令牌：未设置", "en": "token: not set"},
    "config.describe.system_store": {
        "zh": "使用系统证书库",
        "en": "the system's certificate store",
    },
    "config.describe.keep_forever": {"zh": "永久保存", "en": "kept forever"},
    "config.describe.warnings": {"zh": "警告：", "en": "Warnings:"},
    "config.describe.no_warnings": {"zh": "没有警告。", "en": "No warnings."},
}
