"""Catalogue entries for the command line: help texts, reports, input errors."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.help.description": {
        "zh": "产业招商热线来电登记工具。不带命令时启动操作员界面。",
        "en": "Intake tool for an industrial investment-promotion hotline. "
        "Without a command it starts the operator's screen.",
    },
    "cli.help.epilog": {
        "zh": "退出码：0 成功；1 已完成但有无效或遗留记录；2 用法或配置错误。\n"
        "配置文件查找顺序：--config、环境变量 INTAKE_TUI_CONFIG、用户配置目录中的 intake_tui.toml、内置默认。",
        "en": "Exit status: 0 success; 1 done, but something was invalid or left over; "
        "2 usage or config error.\nConfig lookup: --config, $INTAKE_TUI_CONFIG, intake_tui.toml in "
        "the user config folder, built-in defaults.",
    },
    "cli.help.config": {
        "zh": "配置文件路径（TOML）",
        "en": "path of the config file (TOML)",
    },
    "cli.help.lang": {
        "zh": "界面与消息语言：zh 中文（默认）或 en 英文",
        "en": "language of the interface and messages: zh (default) or en",
    },
    "cli.help.offline": {
        "zh": "离线模式：只保存到本地库和本地文件，不连接后端",
        "en": "offline mode: save to the local store and file only, never contact the backend",
    },
    "cli.help.validate": {
        "zh": "校验记录（JSON、JSONL 或 CSV），每条输出一行 JSON 结果",
        "en": "check records (JSON, JSONL or CSV) and print one JSON result line per record",
    },
    "cli.help.import": {
        "zh": "导入记录：有效的按提交保存并排队发送，无效的按行号报告",
        "en": "import records: valid ones are stored as submitted and queued; invalid ones are "
        "reported by line number",
    },
    "cli.help.schema": {
        "zh": "输出记录的 JSON Schema（draft 2020-12）",
        "en": "print the JSON Schema (draft 2020-12) of the record",
    },
    "cli.help.check-config": {
        "zh": "检查配置文件并显示生效的设置（密钥已隐藏）",
        "en": "check a config file and print the effective settings (secrets hidden)",
    },
    "cli.help.list": {
        "zh": "列出已保存的来电记录（最新在前，手机号和姓名已脱敏）",
        "en": "list stored inquiries, newest first, mobile numbers and names masked",
    },
    "cli.help.show": {
        "zh": "显示一条记录",
        "en": "show one record",
    },
    "cli.help.export": {
        "zh": "导出记录为 JSONL、CSV 或 XLSX（默认脱敏）",
        "en": "export records as JSONL, CSV or XLSX (masked unless --unmasked)",
    },
    "cli.help.file_in": {
        "zh": "输入文件；省略或为 - 时读取标准输入",
        "en": "input file; omitted or - reads standard input",
    },
    "cli.help.format_in": {
        "zh": "输入格式：auto（按扩展名和内容判断）、json（JSON/JSONL）、csv",
        "en": "input format: auto (by extension and content), json (JSON/JSONL), csv",
    },
    "cli.help.status": {
        "zh": "按状态筛选：draft 草稿、submitted 已提交、all 全部",
        "en": "filter by status: draft, submitted or all",
    },
    "cli.help.search": {
        "zh": "按手机号、企业名称、拼音首字母或编号搜索",
        "en": "search by mobile, company name, pinyin initials or id",
    },
    "cli.help.limit": {
        "zh": "最多显示的条数",
        "en": "how many records at most",
    },
    "cli.help.json": {
        "zh": "以 JSON 输出（每行一条）",
        "en": "print JSON, one record per line",
    },
    "cli.help.id": {
        "zh": "记录编号（可只写开头几位）",
        "en": "record id (a unique prefix is enough)",
    },
    "cli.help.unmasked": {
        "zh": "显示完整的个人信息（会记入审计日志）",
        "en": "show personal data in full (written to the audit log)",
    },
    "cli.help.format_out": {
        "zh": "导出格式：jsonl、csv 或 xlsx",
        "en": "export format: jsonl, csv or xlsx",
    },
    "cli.help.output": {
        "zh": "输出文件路径",
        "en": "output file path",
    },
    "cli.input_missing": {
        "zh": "找不到输入文件 {file}；请检查路径，或用 - 从标准输入读取",
        "en": "input file {file} not found; check the path, or use - to read standard input",
    },
    "cli.input_is_dir": {
        "zh": "{file} 是文件夹；请给出一个 JSON、JSONL 或 CSV 文件",
        "en": "{file} is a folder; give a JSON, JSONL or CSV file",
    },
    "cli.input_unreadable": {
        "zh": "无法读取输入 {file}：{detail}",
        "en": "cannot read input {file}: {detail}",
    },
    "cli.input_not_text": {
        "zh": "内容不是文本（应为 UTF-8 或 GB18030 编码的 JSON、JSONL 或 CSV）",
        "en": "the content is not text (expected JSON, JSONL or CSV in UTF-8 or GB18030)",
    },
    "cli.csv_unreadable": {
        "zh": "CSV 格式错误：{detail}",
        "en": "malformed CSV: {detail}",
    },
    "cli.csv_no_header": {
        "zh": "CSV 第一行须为表头，列名为字段路径（如 contact.mobile）或字段名称（如 手机号）",
        "en": "the first CSV row must be a header naming fields by dotted path (contact.mobile) "
        "or label (Mobile)",
    },
    "cli.csv_too_many_cells": {
        "zh": "本行有 {found} 个单元格，但表头只有 {expected} 列",
        "en": "this row has {found} cells but the header has {expected} columns",
    },
    "cli.import.bad_line": {
        "zh": "第 {line} 行：{field}：{message}",
        "en": "line {line}: {field}: {message}",
    },
    "cli.import.summary": {
        "zh": "导入完成：新保存 {stored} 条，已存在 {already} 条，文件内重复 {repeated} 条，"
        "冲突 {conflicts} 条，无效 {invalid} 条",
        "en": "import done: {stored} stored, {already} already present, {repeated} repeated "
        "within the file, {conflicts} in conflict, {invalid} invalid",
    },
    "cli.import.repeat": {
        "zh": "与第 {first} 行完全相同，只保存一次",
        "en": "exactly repeats line {first}; stored once",
    },
    "cli.import.conflict_in_file": {
        "zh": "编号 {id} 第 {revision} 版在第 {first} 行已出现，但内容不同；"
        "同一编号和版本只能有一种内容，请改正其中一行，或给新内容更高的 revision",
        "en": "id {id} revision {revision} already appeared on line {first} with other "
        "content; one id and revision hold one content: correct one of the lines, or give "
        "the new content a higher revision",
    },
    "cli.import.conflict": {
        "zh": "编号 {id} 第 {revision} 版已保存，但内容不同；未导入。"
        "请核对这一行，或给改动后的内容更高的 revision 并加 --allow-newer-revisions",
        "en": "id {id} revision {revision} is already stored with other content; not "
        "imported. Check this line, or give the changed content a higher revision and use "
        "--allow-newer-revisions",
    },
    "cli.import.newer": {
        "zh": "编号 {id} 第 {revision} 版比已保存的版本新；未导入。"
        "确要以导入内容替换时，请加 --allow-newer-revisions",
        "en": "id {id} revision {revision} is newer than the stored revision; not imported. "
        "To replace the stored record with this one, use --allow-newer-revisions",
    },
    "cli.line_not_text": {
        "zh": "这一行不是文本（不是文件所用的 UTF-8 或 GB18030 编码，或长于 {limit_mib} MiB）",
        "en": "this line is not text (not in the file's encoding, UTF-8 or GB18030, or "
        "longer than {limit_mib} MiB)",
    },
    "cli.help.allow_newer_revisions": {
        "zh": "允许以更高 revision 的导入记录替换已保存的同编号记录",
        "en": "let a record with a higher revision replace the stored one with the same id",
    },
    "cli.list.empty": {
        "zh": "没有符合条件的记录",
        "en": "no records match",
    },
    "cli.list.footer": {
        "zh": "显示 {shown} 条，共 {total} 条（手机号和姓名已脱敏）",
        "en": "{shown} shown of {total} (mobile numbers and names masked)",
    },
    "cli.list.footer_search": {
        "zh": "找到 {shown} 条（库中共 {total} 条；手机号和姓名已脱敏）",
        "en": "{shown} found ({total} stored; mobile numbers and names masked)",
    },
    "cli.list.col.id": {"zh": "编号", "en": "ID"},
    "cli.list.col.when": {"zh": "时间", "en": "When"},
    "cli.list.col.status": {"zh": "状态", "en": "Status"},
    "cli.list.col.need": {"zh": "需求", "en": "Need"},
    "cli.list.col.company": {"zh": "企业名称", "en": "Company"},
    "cli.list.col.contact": {"zh": "联系人", "en": "Contact"},
    "cli.list.col.mobile": {"zh": "手机号", "en": "Mobile"},
    "cli.status.draft": {"zh": "草稿", "en": "draft"},
    "cli.status.submitted": {"zh": "已提交", "en": "submitted"},
    "cli.show.not_found": {
        "zh": "没有编号以 {id} 开头的记录；用 intake-tui list 查看编号",
        "en": "no record id starts with {id}; see the ids with intake-tui list",
    },
    "cli.show.ambiguous": {
        "zh": "有多条记录的编号以 {id} 开头；请多写几位",
        "en": "several record ids start with {id}; give more characters",
    },
    "cli.export.failed": {
        "zh": "无法写入 {file}：{detail}；请换一个可写的路径",
        "en": "cannot write {file}: {detail}; choose a writable path",
    },
    "cli.export.done": {
        "zh": "已导出 {count} 条到 {file}（个人信息已脱敏）",
        "en": "exported {count} records to {file} (personal data masked)",
    },
    "cli.export.done_unmasked": {
        "zh": "已导出 {count} 条到 {file}（含完整个人信息，已记入审计日志）",
        "en": "exported {count} records to {file} (personal data in full; written to the audit log)",
    },
    "cli.help.forget": {
        "zh": "从本机删除一位来电人的全部数据（本地库、发送队列、草稿、本地文件），先显示并询问",
        "en": "remove one caller's data from this computer (store, outbox, drafts, local file); "
        "shows it and asks first",
    },
    "cli.help.purge": {
        "zh": "删除超过指定天数的记录（本地库、发送队列、草稿、本地文件），先显示并询问",
        "en": "remove records older than a number of days (store, outbox, drafts, local file); "
        "shows them and asks first",
    },
    "cli.help.mobile": {
        "zh": "来电人的手机号，可带 +86、空格或横线，例如 138-0013-8000",
        "en": "the caller's mobile number, +86, spaces and dashes allowed, e.g. 138-0013-8000",
    },
    "cli.help.older_than": {
        "zh": "天数：删除最后一次提交（草稿为最后一次编辑）早于这么多天之前的记录，例如 730",
        "en": "days: remove records last submitted (drafts: last edited) more than this many days "
        "ago, e.g. 730",
    },
    "cli.help.yes": {
        "zh": "不再询问，直接删除（用于脚本）",
        "en": "do not ask, remove at once (for scripts)",
    },
    "cli.forget.bad_mobile": {
        "zh": "--mobile {value}：{reason}",
        "en": "--mobile {value}: {reason}",
    },
    "cli.forget.id_not_found": {
        "zh": "本地库和本地文件中都没有编号以 {id} 开头的记录；用 intake-tui list 查看编号，例如 3f2a9c1e",
        "en": "no record id starting with {id} is in the local store or file; see the ids with "
        "intake-tui list, e.g. 3f2a9c1e",
    },
    "cli.forget.id_ambiguous": {
        "zh": "有多条记录的编号以 {id} 开头；请多写几位，例如 3f2a9c1e",
        "en": "several record ids start with {id}; give more characters, e.g. 3f2a9c1e",
    },
    "cli.forget.heading": {
        "zh": "将从本机删除 {who} 的以下数据：",
        "en": "This removes the following data of {who} from this computer:",
    },
    "cli.forget.nothing": {
        "zh": "本机没有 {who} 的数据，没有需要删除的内容；本次请求已记入审计日志",
        "en": "no data of {who} is held on this computer; nothing to remove. The request was "
        "written to the audit log",
    },
    "cli.option.limit": {
        "zh": "--limit 应为 1 到 1000000 之间的整数（ASCII 数字），收到 {value}；例如 --limit 50",
        "en": "--limit expects a whole number from 1 to 1000000 in ASCII digits, found {value}; "
        "e.g. --limit 50",
    },
    "cli.option.timeout": {
        "zh": "--timeout 应为 0 到 86400 之间的秒数，收到 {value}；例如 --timeout 120",
        "en": "--timeout expects a number of seconds from 0 to 86400, found {value}; "
        "e.g. --timeout 120",
    },
    "cli.purge.bad_days": {
        "zh": "--older-than 应为 1 到 36500 之间的天数，收到 {value}；例如 --older-than 730",
        "en": "--older-than expects a number of days from 1 to 36500, found {value}; "
        "e.g. --older-than 730",
    },
    "cli.purge.heading": {
        "zh": "将删除最后一次提交或编辑早于 {cutoff}（{days} 天前）的以下数据：",
        "en": "This removes the following data last submitted or edited before {cutoff} "
        "({days} days ago):",
    },
    "cli.purge.nothing": {
        "zh": "没有早于 {cutoff} 的记录，没有删除任何内容",
        "en": "nothing is older than {cutoff}; nothing was removed",
    },
    "cli.removal.more": {
        "zh": "……另有 {count} 条",
        "en": "… and {count} more",
    },
    "cli.removal.counts": {
        "zh": "本地库 {records} 条（草稿 {drafts} 条，已提交 {submitted} 条）；本地文件 {lines} 行",
        "en": "store: {records} records ({drafts} drafts, {submitted} submitted); "
        "local file: {lines} lines",
    },
    "cli.removal.undelivered": {
        "zh": "注意：其中 {count} 条尚未发送到后端，删除后不会再发送",
        "en": "note: {count} of them have not been delivered to the backend and never will be",
    },
    "cli.removal.prompt": {
        "zh": "确认删除？删除后无法恢复 [y/N] ",
        "en": "Remove this data? It cannot be undone [y/N] ",
    },
    "cli.removal.needs_yes": {
        "zh": "标准输入不是终端，无法询问确认，没有删除任何内容。确认要删除时请加上 --yes，例如 {example}",
        "en": "standard input is not a terminal, so there is no one to ask; nothing was removed. "
        "Add --yes to remove without asking, e.g. {example}",
    },
    "cli.removal.cancelled": {
        "zh": "已取消，没有删除任何内容",
        "en": "cancelled; nothing was removed",
    },
    "cli.removal.done": {
        "zh": "已删除：本地库 {records} 条、发送队列 {outbox} 条、本地文件 {lines} 行；"
        "审计日志已记录本次删除（只含编号和数量，不含个人信息）",
        "en": "removed: {records} stored records, {outbox} outbox rows, {lines} local file lines; "
        "the audit log records this (ids and counts only, no personal data)",
    },
    "cli.removal.file_failed": {
        "zh": "无法改写本地文件 {file}：{detail}。本地库没有改动。请确认文件和所在文件夹可写"
        "（例如 chmod 700 {folder}），然后重试同一命令",
        "en": "cannot rewrite the local file {file}: {detail}. The store was not changed. Make "
        "the file and its folder writable (e.g. chmod 700 {folder}) and run the same command again",
    },
}
