"""Catalogue entries for the store area: key -> {"zh": ..., "en": ...}."""

MESSAGES: dict[str, dict[str, str]] = {
    "store.newer_version": {
        "zh": (
            "数据文件 {path} 由更新版本的 intake-tui 创建（文件版本 {found}，本程序最高支持 "
            "{supported}），本程序没有改动它。请升级 intake-tui（例如 pipx upgrade intake-tui），"
            "或在配置 storage.data_dir 中指定另一个文件夹。"
        ),
        "en": (
            "The data file {path} was written by a newer intake-tui (file version {found}; this "
            "program knows up to {supported}); it has not been changed. Upgrade intake-tui (for "
            "example `pipx upgrade intake-tui`) or point storage.data_dir at another folder."
        ),
    },
    "store.not_a_database": {
        "zh": (
            "{path} 不是 intake-tui 的数据文件（不是 SQLite 数据库），本程序没有改动它。请把它"
            "移走或改名，或在配置 storage.data_dir 中指定另一个文件夹；正确的数据文件以"
            "“SQLite format 3”开头，例如 ~/.local/share/intake-tui/intake.sqlite3。"
        ),
        "en": (
            "{path} is not an intake-tui data file (not an SQLite database); it has not been "
            "changed. Move or rename it, or point storage.data_dir at another folder; a data file "
            "starts with “SQLite format 3”, e.g. ~/.local/share/intake-tui/intake.sqlite3."
        ),
    },
    "store.locked": {
        "zh": (
            "数据文件 {path} 被另一个程序占用，等待 {seconds} 秒后仍未释放，本次操作没有保存。"
            "请稍后重试；如果另一个 intake-tui 窗口或命令卡住了（例如另一个终端里还在运行的 intake-tui import），请先关闭它。"
        ),
        "en": (
            "The data file {path} is held by another program and was not released within "
            "{seconds} s; nothing was saved this time. Try again shortly; if another intake-tui "
            "window or command is stuck (e.g. an `intake-tui import` still running in another terminal), close it first."
        ),
    },
    "store.readonly": {
        "zh": (
            "无法写入数据文件 {path}：文件或所在文件夹是只读的。请让当前用户可以读写它，"
            "例如 chmod 600 {path}，文件夹 chmod 700。"
        ),
        "en": (
            "Cannot write the data file {path}: the file or its folder is read-only. Make it "
            "readable and writable by the current user, e.g. chmod 600 {path} and chmod 700 on "
            "the folder."
        ),
    },
    "store.disk_full": {
        "zh": (
            "磁盘已满，无法写入数据文件 {path}，本次操作没有保存。请清理磁盘空间（至少留出"
            " 100 MB，例如删除不再需要的导出文件）后重试。"
        ),
        "en": (
            "The disk is full; the data file {path} could not be written and nothing was saved "
            "this time. Free some space (at least 100 MB, e.g. by deleting old export files) and try again."
        ),
    },
    "store.cannot_open": {
        "zh": (
            "无法打开数据文件 {path}（{reason}）。请确认它是一个可写文件夹中的普通文件，"
            "例如 ~/.local/share/intake-tui/intake.sqlite3。"
        ),
        "en": (
            "Cannot open the data file {path} ({reason}). Make sure it is a regular file in a "
            "writable folder, e.g. ~/.local/share/intake-tui/intake.sqlite3."
        ),
    },
    "store.corrupt": {
        "zh": (
            "数据文件 {path} 已损坏。请停止录入，先复制备份该文件（连同同名的 -wal 文件，"
            "例如 cp {path}* ~/intake-backup/），然后联系管理员从备份恢复。"
        ),
        "en": (
            "The data file {path} is damaged. Stop capturing, copy the file (together with its "
            "-wal file of the same name, e.g. cp {path}* ~/intake-backup/) somewhere safe, and "
            "ask an administrator to restore from a backup."
        ),
    },
    "store.io_error": {
        "zh": (
            "读写数据文件 {path} 时出现磁盘错误，本次操作没有保存。请检查磁盘或网络盘是否"
            "可用（例如能否在该文件夹中新建文件），然后重试。"
        ),
        "en": (
            "A disk error occurred while using the data file {path}; nothing was saved this "
            "time. Check that the disk or network drive works (e.g. that you can create a file "
            "in that folder) and try again."
        ),
    },
    "store.file_is_link": {
        "zh": (
            "{path} 是一个符号链接（指向 {target}），intake-tui 不会顺着链接打开自己的文件，"
            "以免数据被写到别处，本程序没有改动它。请把链接换成文件本身（例如 rm {path} 后把 "
            "{target} 移到这里），或在配置中直接写出真实位置（storage.data_dir、file_sink.path，"
            '例如 file_sink.path = "/media/usb/inquiries.jsonl"）。'
        ),
        "en": (
            "{path} is a symbolic link (to {target}); intake-tui does not follow links to its own "
            "files, so that the data cannot be sent elsewhere, and has not changed it. Replace "
            "the link with the file itself (e.g. rm {path}, then move {target} here), or name the "
            "real place in the config (storage.data_dir, file_sink.path, e.g. "
            'file_sink.path = "/media/usb/inquiries.jsonl").'
        ),
    },
    "store.file_not_owned": {
        "zh": (
            "{path} 属于另一个用户（uid {owner}），不是运行本程序的用户，本程序拒绝使用它。"
            "如果它确实是你的数据，请改为你所有并只允许你读写，例如 {fix} 和 chmod 600 {path}；"
            "否则请在配置 storage.data_dir 中指定你自己的文件夹。"
        ),
        "en": (
            "{path} belongs to another user (uid {owner}), not to the user running this program; "
            "it is refused. If it is your data, make it yours and private, e.g. {fix} and "
            "chmod 600 {path}; otherwise point storage.data_dir at a folder of your own."
        ),
    },
    "store.file_shared": {
        "zh": (
            "{path} 的权限是 {mode}，同组或其他用户可以读取或改写其中的个人信息，本程序拒绝使用它。"
            "请只允许自己读写，例如 chmod 600 {path}"
        ),
        "en": (
            "{path} has mode {mode}: group or other users can read or change the personal data in "
            "it, so it is refused. Make it readable and writable by you only, e.g. chmod 600 {path}"
        ),
    },
    "store.folder_not_owned": {
        "zh": (
            "文件夹 {path} 属于另一个用户（uid {owner}），对方可以在里面放入或替换文件，"
            "本程序拒绝使用它。请改为你所有，例如 {fix} 和 chmod 700 {path}，或在配置 "
            "storage.data_dir 中指定你自己的文件夹。"
        ),
        "en": (
            "The folder {path} belongs to another user (uid {owner}), who could put or replace "
            "files in it; it is refused. Make it yours, e.g. {fix} and chmod 700 {path}, or point "
            "storage.data_dir at a folder of your own."
        ),
    },
    "store.folder_shared": {
        "zh": (
            "文件夹 {path} 的权限是 {mode}，其他用户可以在里面放入或替换文件，本程序拒绝使用它。"
            "请只允许自己进入，例如 chmod 700 {path}"
        ),
        "en": (
            "The folder {path} has mode {mode}: other users can put or replace files in it, so it "
            "is refused. Make it yours only, e.g. chmod 700 {path}"
        ),
    },
}
