"""Catalogue entries for the operator's screens."""

MESSAGES: dict[str, dict[str, str]] = {
    "tui.welcome": {
        "zh": "产业招商热线来电登记",
        "en": "Investment-promotion hotline intake",
    },
    "tui.loading": {
        "zh": "正在加载配置和本地库，请稍候再试",
        "en": "still loading the configuration and the store; try again in a moment",
    },
    "tui.step.need": {
        "zh": "需求",
        "en": "Need",
    },
    "tui.step.use": {
        "zh": "用途",
        "en": "Use",
    },
    "tui.step.tax": {
        "zh": "税收",
        "en": "Tax",
    },
    "tui.step.company": {
        "zh": "公司",
        "en": "Company",
    },
    "tui.step.contact": {
        "zh": "联系人",
        "en": "Contact",
    },
    "tui.step.mobile": {
        "zh": "手机号/同意",
        "en": "Mobile/consent",
    },
    "tui.step.review": {
        "zh": "审核",
        "en": "Review",
    },
    "tui.key.help": {
        "zh": "帮助",
        "en": "Help",
    },
    "tui.key.quit": {
        "zh": "退出",
        "en": "Quit",
    },
    "tui.key.review": {
        "zh": "审核",
        "en": "Review",
    },
    "tui.key.new_call": {
        "zh": "新来电",
        "en": "New call",
    },
    "tui.key.history": {
        "zh": "历史",
        "en": "History",
    },
    "tui.key.drafts": {
        "zh": "草稿",
        "en": "Drafts",
    },
    "tui.key.details": {
        "zh": "更多项",
        "en": "More fields",
    },
    "tui.key.open_duplicate": {
        "zh": "查看重复",
        "en": "Open match",
    },
    "tui.key.copy_duplicate": {
        "zh": "复制信息",
        "en": "Copy match",
    },
    "tui.key.back": {
        "zh": "上一项",
        "en": "Back",
    },
    "tui.key.next_field": {
        "zh": "下一项",
        "en": "Next field",
    },
    "tui.key.previous_step": {
        "zh": "上一步",
        "en": "Previous step",
    },
    "tui.key.next_step": {
        "zh": "下一步",
        "en": "Next step",
    },
    "tui.key.submit": {
        "zh": "提交",
        "en": "Submit",
    },
    "tui.key.back_to_capture": {
        "zh": "返回修改",
        "en": "Back to form",
    },
    "tui.key.next_problem": {
        "zh": "转到问题",
        "en": "Go to problem",
    },
    "tui.key.close": {
        "zh": "关闭",
        "en": "Close",
    },
    "tui.key.prefill": {
        "zh": "以此新建",
        "en": "New from this",
    },
    "tui.key.next_page": {
        "zh": "下一页",
        "en": "Next page",
    },
    "tui.key.previous_page": {
        "zh": "上一页",
        "en": "Previous page",
    },
    "tui.key.discard": {
        "zh": "丢弃",
        "en": "Discard",
    },
    "tui.status.operator": {
        "zh": "操作员 {operator}",
        "en": "Operator {operator}",
    },
    "tui.status.call": {
        "zh": "通话 {elapsed}",
        "en": "Call {elapsed}",
    },
    "tui.status.mode.offline": {
        "zh": "离线（仅本地保存）",
        "en": "Offline (local only)",
    },
    "tui.status.mode.online": {
        "zh": "在线",
        "en": "Online",
    },
    "tui.status.mode.failing": {
        "zh": "后端异常",
        "en": "Backend failing",
    },
    "tui.status.waiting": {
        "zh": "待发送 {count}",
        "en": "Waiting {count}",
    },
    "tui.status.rejected": {
        "zh": "被退回 {count}",
        "en": "Rejected {count}",
    },
    "tui.script.title": {
        "zh": "话术",
        "en": "Script",
    },
    "tui.dup.title": {
        "zh": "以前来过 {count} 次：",
        "en": "{count} earlier inquiries:",
    },
    "tui.dup.on.mobile": {
        "zh": "手机号相同",
        "en": "same mobile",
    },
    "tui.dup.on.company": {
        "zh": "企业名称相同",
        "en": "same company",
    },
    "tui.dup.on.initials": {
        "zh": "拼音首字母相同",
        "en": "same initials",
    },
    "tui.dup.keys": {
        "zh": "F7 查看  F8 复制企业和联系人",
        "en": "F7 open  F8 copy company and contact",
    },
    "tui.dup.none": {
        "zh": "没有可查看的重复记录",
        "en": "no earlier inquiry to open",
    },
    "tui.dup.copied": {
        "zh": "已复制 {count} 项",
        "en": "{count} fields copied",
    },
    "tui.new_call.kept": {
        "zh": "上一通来电已保存为草稿（F5 查看）",
        "en": "The previous call is kept as a draft (F5)",
    },
    "tui.review.submit": {
        "zh": "提交（Enter）",
        "en": "Submit (Enter)",
    },
    "tui.review.blocked": {
        "zh": "还有 {count} 个错误，改正后才能提交；选中一项按 Enter 跳过去",
        "en": "{count} errors to fix before submitting; Enter on one jumps to it",
    },
    "tui.review.refused": {
        "zh": "不能提交：还有 {count} 个错误（选中后按 Enter 跳到该项）",
        "en": "cannot submit: {count} errors remain (Enter on one jumps to it)",
    },
    "tui.submit.done": {
        "zh": "已提交，编号 {id}。请接下一通来电。",
        "en": "Submitted, id {id}. Ready for the next call.",
    },
    "tui.submit.failed": {
        "zh": "保存失败：{detail}。输入内容仍在屏幕上，请处理后重试。",
        "en": "could not save: {detail}. Your input is still on screen; fix the cause and try again.",
    },
    "tui.key.save_as": {
        "zh": "另存为…（数据目录无法写入时，把当前登记存到别处）",
        "en": "Save as… (when the data folder cannot be written, save this inquiry elsewhere)",
    },
    "tui.fault.draft_not_saved": {
        "zh": "草稿没有保存：{detail}录入内容仍在屏幕上；按 Ctrl+S 可把这条登记另存为文件（例如存到 U 盘）。",
        "en": "The draft was not saved: {detail} Your input is still on screen; press Ctrl+S to save this inquiry to a file (on a USB stick, say).",
    },
    "tui.fault.submit_failed": {
        "zh": "没有提交：{detail}录入内容仍在屏幕上；按 Ctrl+S 可把这条登记另存为文件，问题解决后再提交。",
        "en": "Not submitted: {detail} Your input is still on screen; press Ctrl+S to save this inquiry to a file, and submit once the problem is solved.",
    },
    "tui.fault.file_not_written": {
        "zh": "已提交并保存到本地库，编号 {id}；但本地文件 {path} 没有写入（{reason}）。请清理磁盘空间或让该文件夹可写，例如 chmod 700；程序下次启动时会自动补写这一行。",
        "en": "Submitted and saved in the store, id {id}; but the local file {path} was not written ({reason}). Free some disk space or make its folder writable, e.g. chmod 700; the line is written automatically the next time the program starts.",
    },
    "tui.fault.quit_unsaved": {
        "zh": "屏幕上的登记没能保存到本地库，现在退出会丢失。请先按 Ctrl+S 另存为文件；确定要放弃它并退出，请再按一次 Ctrl+Q。",
        "en": "The inquiry on screen could not be saved in the store and would be lost by quitting now. Press Ctrl+S to save it to a file first; to give it up and quit, press Ctrl+Q again.",
    },
    "tui.rescue.title": {
        "zh": "另存为文件",
        "en": "Save this inquiry to a file",
    },
    "tui.rescue.prompt": {
        "zh": "把当前登记（全部已填内容）存为 JSON 文件，例如存到 U 盘。输入文件路径，按 Enter 保存，Esc 取消。",
        "en": "Save the current inquiry (everything typed) as a JSON file, on a USB stick say. Type the file's path, Enter saves, Esc cancels.",
    },
    "tui.rescue.saved": {
        "zh": "已把当前登记另存为 {path}（{count} 项）。录入内容仍在屏幕上，数据目录恢复后可照常提交。",
        "en": "The current inquiry was saved to {path} ({count} fields). Your input stays on screen; submit as usual once the data folder works again.",
    },
    "tui.rescue.no_path": {
        "zh": "请输入要保存的文件路径，例如 {example}",
        "en": "Type the path of the file to save to, e.g. {example}",
    },
    "tui.rescue.no_folder": {
        "zh": "文件夹 {folder} 不存在，没有保存。请输入一个已存在的文件夹中的路径，例如 {example}",
        "en": "The folder {folder} does not exist; nothing was saved. Type a path in an existing folder, e.g. {example}",
    },
    "tui.rescue.exists": {
        "zh": "{path} 已存在，且不是这条登记的另存文件，没有覆盖它。请换一个文件名，例如 {example}",
        "en": "{path} exists and is not a saved copy of this inquiry, so it was not overwritten. Choose another file name, e.g. {example}",
    },
    "tui.rescue.disk_full": {
        "zh": "{path} 所在的磁盘已满，没有保存。请换一个有空间的磁盘上的路径，例如 U 盘：{example}",
        "en": "The disk of {path} is full; nothing was saved. Type a path on a disk with free space, e.g. a USB stick: {example}",
    },
    "tui.rescue.readonly": {
        "zh": "{path} 所在的位置是只读的（或没有写权限），没有保存。请换一个可写的路径，例如 {example}",
        "en": "{path} is in a read-only place (or one you may not write to); nothing was saved. Type a writable path, e.g. {example}",
    },
    "tui.rescue.failed": {
        "zh": "无法写入 {path}（{reason}），没有保存。请换一个路径，例如 {example}",
        "en": "Could not write {path} ({reason}); nothing was saved. Type another path, e.g. {example}",
    },
    "tui.help.title": {
        "zh": "按键说明",
        "en": "Keys",
    },
    "tui.help.close": {
        "zh": "Esc 关闭",
        "en": "Esc closes",
    },
    "tui.help.fields": {
        "zh": "填写时",
        "en": "While typing",
    },
    "tui.help.capture": {
        "zh": "登记界面",
        "en": "Capture screen",
    },
    "tui.help.review": {
        "zh": "审核界面",
        "en": "Review screen",
    },
    "tui.help.drafts": {
        "zh": "草稿列表",
        "en": "Drafts list",
    },
    "tui.help.outbox": {
        "zh": "发件箱（F9）",
        "en": "Outbox (F9)",
    },
    "tui.help.history": {
        "zh": "历史界面",
        "en": "History screen",
    },
    "tui.help.anywhere": {
        "zh": "任何界面",
        "en": "Anywhere",
    },
    "tui.help.key.enter": {
        "zh": "Enter",
        "en": "Enter",
    },
    "tui.help.does.enter": {
        "zh": "确认本项并跳到下一项（本步最后一项后进入下一步）；可选项留空时直接跳过；有错误时停在本项",
        "en": "accept the field and go to the next (after a step's last field, the next step); an empty optional field is skipped; stays put on an error",
    },
    "tui.help.key.tab": {
        "zh": "Tab / Shift+Tab",
        "en": "Tab / Shift+Tab",
    },
    "tui.help.does.tab": {
        "zh": "下一项 / 上一项（不论对错）",
        "en": "next / previous field (even with an error)",
    },
    "tui.help.key.digit": {
        "zh": "1–9",
        "en": "1–9",
    },
    "tui.help.does.digit": {
        "zh": "选择项：按选项编号直接选中并跳到下一项",
        "en": "choice field: the option's number picks it and moves on",
    },
    "tui.help.key.filter": {
        "zh": "字母 / 汉字",
        "en": "Letters / Chinese",
    },
    "tui.help.does.filter": {
        "zh": "选择项：筛选选项（也可用拼音首字母，如 zl 找到 租赁厂房），Enter 选中",
        "en": "choice field: filter the options (pinyin initials too: zl finds 租赁厂房); Enter picks",
    },
    "tui.help.key.arrows": {
        "zh": "↑ / ↓",
        "en": "Up / Down",
    },
    "tui.help.does.arrows": {
        "zh": "选择项：上一个 / 下一个选项",
        "en": "choice field: previous / next option",
    },
    "tui.history.title": {
        "zh": "历史记录（列表已脱敏，Enter 查看完整内容）",
        "en": "History (masked; Enter shows the record in full)",
    },
    "tui.history.search": {
        "zh": "搜索：手机号、企业名称、拼音首字母或编号",
        "en": "Search: mobile, company, pinyin initials or id",
    },
    "tui.history.footer": {
        "zh": "第 {page} 页，本页 {shown} 条，共 {total} 条",
        "en": "page {page}, {shown} shown, {total} stored",
    },
    "tui.history.footer_search": {
        "zh": "第 {page} 页，找到 {shown} 条（共 {total} 条）",
        "en": "page {page}, {shown} found ({total} stored)",
    },
    "tui.record.title": {
        "zh": "记录 {id}（{status}）",
        "en": "Record {id} ({status})",
    },
    "tui.drafts.title": {
        "zh": "草稿",
        "en": "Drafts",
    },
    "tui.drafts.resume_title": {
        "zh": "有未完成的来电登记，是否继续？",
        "en": "Unfinished inquiries were found. Resume one?",
    },
    "tui.drafts.hint": {
        "zh": "Enter 继续  Delete 丢弃  Esc 开始新来电",
        "en": "Enter resume  Delete discard  Esc new call",
    },
    "tui.drafts.confirm": {
        "zh": "再按一次 Delete 确认丢弃；其他键取消",
        "en": "Press Delete again to discard; any other key cancels",
    },
    "tui.drafts.line": {
        "zh": "{when} · {company} · {who} · 已填 {count} 项",
        "en": "{when} · {company} · {who} · {count} fields",
    },
    "tui.drafts.no_company": {
        "zh": "（未填企业）",
        "en": "(no company yet)",
    },
    "tui.placeholder.need.kind": {
        "zh": "按编号选择，或输入筛选",
        "en": "press a number, or type to filter",
    },
    "tui.placeholder.need.floor_area_sqm": {
        "zh": "如 3000、2000-3000、1.5万平",
        "en": "e.g. 3000, 2000-3000",
    },
    "tui.placeholder.need.land_area_mu": {
        "zh": "如 50、50亩",
        "en": "e.g. 50",
    },
    "tui.placeholder.need.timeline": {
        "zh": "按编号选择，或填年月 2027-03",
        "en": "press a number, or a month 2027-03",
    },
    "tui.placeholder.need.ceiling_height_m": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.need.floor_load_t_per_sqm": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.need.power_kva": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.need.crane_t": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.need.requirements": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.need.preferred_location": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.need.notes": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.use.industry": {
        "zh": "Enter 接受默认：制造业",
        "en": "Enter accepts the default: Manufacturing",
    },
    "tui.placeholder.use.description": {
        "zh": "主要产品或用途",
        "en": "main products or use",
    },
    "tui.placeholder.use.project_type": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.use.total_investment_wan": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.use.employees": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.tax.annual_tax_wan": {
        "zh": "万元，如 800、1.2亿；不知道填 不详",
        "en": "10k CNY, e.g. 800; 'unknown' if not known",
    },
    "tui.placeholder.tax.registration": {
        "zh": "按编号选择",
        "en": "press a number",
    },
    "tui.placeholder.tax.annual_output_wan": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.company.name": {
        "zh": "如 上海宝钢精密机械有限公司",
        "en": "e.g. Shanghai Baogang Precision Machinery Co., Ltd.",
    },
    "tui.placeholder.company.uscc": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.company.ownership": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.contact.name": {
        "zh": "如 张先生",
        "en": "e.g. Mr Zhang",
    },
    "tui.placeholder.contact.title": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.contact.wechat": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.contact.email": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.contact.source": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.contact.mobile": {
        "zh": "11 位手机号",
        "en": "11-digit mobile",
    },
    "tui.placeholder.contact.alt_phone": {
        "zh": "",
        "en": "",
    },
    "tui.placeholder.consent.contact": {
        "zh": "按 1 同意，按 2 不同意",
        "en": "1 agrees, 2 does not",
    },
    "tui.placeholder.consent.share_with_parks": {
        "zh": "",
        "en": "",
    },
    "tui.key.outbox": {
        "zh": "发件箱",
        "en": "Outbox",
    },
    "tui.key.send_now": {
        "zh": "立即发送",
        "en": "Send now",
    },
    "tui.key.correct": {
        "zh": "更正重发",
        "en": "Correct & resend",
    },
    "tui.key.export": {
        "zh": "导出",
        "en": "Export",
    },
    "tui.status.mode.unreachable": {
        "zh": "离线",
        "en": "Offline",
    },
    "tui.status.mode.backend_failing": {
        "zh": "后台故障",
        "en": "Backend failing",
    },
    "tui.delivery.problem": {
        "zh": "后台发送暂停：{detail}",
        "en": "Background delivery paused: {detail}",
    },
    "tui.outbox.title": {
        "zh": "发件箱：待发送和被拒收的记录",
        "en": "Outbox: records waiting or rejected",
    },
    "tui.outbox.col.id": {"zh": "编号", "en": "ID"},
    "tui.outbox.col.revision": {"zh": "修订", "en": "Rev."},
    "tui.outbox.col.status": {"zh": "状态", "en": "Status"},
    "tui.outbox.col.attempts": {"zh": "已试", "en": "Tries"},
    "tui.outbox.col.next": {"zh": "下次发送", "en": "Next try"},
    "tui.outbox.col.company": {"zh": "公司", "en": "Company"},
    "tui.outbox.status.pending": {"zh": "待发送", "en": "queued"},
    "tui.outbox.status.sending": {"zh": "发送中", "en": "sending"},
    "tui.outbox.status.waiting": {"zh": "稍后重试", "en": "waiting"},
    "tui.outbox.status.rejected": {"zh": "被拒收", "en": "rejected"},
    "tui.outbox.next.soon": {"zh": "尽快", "en": "soon"},
    "tui.outbox.next.sending": {"zh": "正在发送", "en": "in progress"},
    "tui.outbox.next.after_correction": {"zh": "更正后", "en": "after correction"},
    "tui.outbox.next.offline_mode": {"zh": "联网后", "en": "when online"},
    "tui.outbox.reason.pending": {
        "zh": "还没有发送过，正在排队。",
        "en": "Not sent yet; queued.",
    },
    "tui.outbox.reason.offline_mode": {
        "zh": "离线模式：记录已保存在本地，联网启动本程序（不带 --offline，配置 backend.enabled = true）或运行 intake-tui sync 时发送。",
        "en": "Offline mode: the record is saved locally and is sent when the program starts online (without --offline, with backend.enabled = true) or when intake-tui sync runs.",
    },
    "tui.outbox.reason.label": {
        "zh": "原因：",
        "en": "Reason: ",
    },
    "tui.outbox.empty": {
        "zh": "没有待发送或被拒收的记录。",
        "en": "Nothing is waiting or rejected.",
    },
    "tui.outbox.footer": {
        "zh": "待发送 {waiting} 条，被拒收 {rejected} 条",
        "en": "{waiting} waiting, {rejected} rejected",
    },
    "tui.outbox.footer_more": {
        "zh": "待发送 {waiting} 条，被拒收 {rejected} 条（只列出前 {shown} 条；导出包含全部）",
        "en": "{waiting} waiting, {rejected} rejected (first {shown} listed; an export has them all)",
    },
    "tui.outbox.sending_now": {
        "zh": "正在立即发送所有待发送的记录",
        "en": "Sending every waiting record now",
    },
    "tui.outbox.offline_mode": {
        "zh": "离线模式下不发送记录。要发送，请不带 --offline 启动本程序并在配置中设 backend.enabled = true，或者运行 intake-tui sync。",
        "en": "Nothing is sent in offline mode. To send, start the program without --offline with backend.enabled = true in the config, or run intake-tui sync.",
    },
    "tui.outbox.not_rejected": {
        "zh": "只有被拒收的记录需要更正；这条是“{status}”，会自动发送。请选一条状态为“被拒收”的记录，再按 F3 或 Enter。",
        "en": "Only rejected records need correcting; this one is {status} and is sent automatically. Pick a record marked rejected, then press F3 or Enter.",
    },
    "tui.outbox.correcting": {
        "zh": "正在更正记录 {id}（后台的意见：{reason}）。改好后按 F2 审核、F10 提交，将作为修订 {revision} 重新发送。",
        "en": "Correcting record {id} (the backend said: {reason}). When it is right, press F2 to review and F10 to submit; it is sent again as revision {revision}.",
    },
    "tui.outbox.exported": {
        "zh": "已导出 {count} 条待发送或被拒收的记录（手机号、姓名已遮盖）到 {file}",
        "en": "Exported {count} waiting or rejected records (mobiles and names masked) to {file}",
    },
    "tui.outbox.export_failed": {
        "zh": '导出失败（{file}：{detail}）。请确认数据目录可写，或在配置中换一个，例如 storage.data_dir = "/home/op/intake-data"。',
        "en": 'Export failed ({file}: {detail}). Make sure the data folder is writable, or set another one, e.g. storage.data_dir = "/home/op/intake-data".',
    },
    "tui.outbox.nothing_to_export": {
        "zh": "没有待发送或被拒收的记录，无需导出。",
        "en": "Nothing is waiting or rejected, so there is nothing to export.",
    },
    "tui.correction.done": {
        "zh": "已更正并重新提交记录 {id}（修订 {revision}），将自动发送。",
        "en": "Record {id} corrected and submitted again (revision {revision}); it is sent automatically.",
    },
    "tui.correction.refused": {
        "zh": "记录 {id} 已不是被拒收状态（可能已在别处更正），这次没有重新提交。请按 F9 打开发件箱查看它的状态。",
        "en": "Record {id} is no longer rejected (it may have been corrected elsewhere), so it was not submitted again. Press F9 to see its status in the outbox.",
    },
    "tui.status.outbox_hint": {
        "zh": "（F9）",
        "en": " (F9)",
    },
}
