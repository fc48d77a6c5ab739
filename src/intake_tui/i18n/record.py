"""Catalogue entries for the record: whole-record and cross-field rules."""

MESSAGES: dict[str, dict[str, str]] = {
    "record.not_object": {
        "zh": '每条记录须为一个 JSON 对象，例如 {"need": {"kind": "租赁厂房"}, ...}',
        "en": 'each record must be one JSON object, e.g. {"need": {"kind": "factory_rent"}, ...}',
    },
    "record.bad_json": {
        "zh": "不是有效的 JSON（第 {column} 列附近：{detail}）；每行须为一个 JSON 对象",
        "en": "not valid JSON (near column {column}: {detail}); each line must be one JSON object",
    },
    "record.section_not_object": {
        "zh": '“{section}” 部分须为对象，例如 "{section}": {{...}}',
        "en": '"{section}" must be an object, e.g. "{section}": {{...}}',
    },
    "record.unknown_field": {
        "zh": "未知字段；可用字段：{known}",
        "en": "unknown field; known fields: {known}",
    },
    "record.unknown_field_suggest": {
        "zh": "未知字段；是否想写 {suggestion}？",
        "en": "unknown field; did you mean {suggestion}?",
    },
    "record.required": {
        "zh": "“{zh}”为必填项，不能为空",
        "en": '"{en}" is required and cannot be empty',
    },
    "record.floor_area_required": {
        "zh": "需求面积为必填项（需求类型为工业用地时除外），单位平方米，例如 3000 或 2000-3000",
        "en": "floor area is required unless the need is industrial land; in ㎡, e.g. 3000 or 2000-3000",
    },
    "record.land_area_required": {
        "zh": "需求类型为工业用地时，用地面积为必填项，单位亩，例如 50 或 50亩",
        "en": "land area is required when the need is industrial land; in mu, e.g. 50",
    },
    "record.tax_missing": {
        "zh": "预计年税收为必填项：填金额（万元），例如 800；来电人明确表示不知道时填“不详”",
        "en": "annual tax is required: an amount in 10k CNY, e.g. 800, or 'unknown' if the caller said so",
    },
    "record.empty_tax": {
        "zh": "预计年税收不能留空：填金额（万元），例如 800；来电人明确表示不知道时填“不详”",
        "en": "annual tax cannot be left empty: an amount in 10k CNY, e.g. 800, or 'unknown'",
    },
    "record.consent_required": {
        "zh": "须先向来电人告知信息用途并取得其同意联系（填“是”），否则不能保存",
        "en": "the caller must be told how the data is used and agree to be contacted (yes) first",
    },
    "record.location_unknown": {
        "zh": "意向区域“{found}”不在配置的区域列表中；可选：{known}",
        "en": 'preferred location "{found}" is not in the configured list; choose one of: {known}',
    },
    "record.schema_version": {
        "zh": "schema_version 为 {found}，本程序只支持 1（写 1 或省略）",
        "en": "schema_version is {found}; only 1 is supported (write 1 or leave it out)",
    },
    "record.bad_id": {
        "zh": "id “{found}”不是 UUID；应形如 1b4e28ba-2fa1-11d2-883f-0016d3cca427，或省略由程序生成",
        "en": 'id "{found}" is not a UUID; it looks like 1b4e28ba-2fa1-11d2-883f-0016d3cca427, or omit it',
    },
    "record.bad_revision": {
        "zh": "revision 须为 1 到 {max} 之间的整数（ASCII 数字），例如 2，收到 {found}",
        "en": "revision must be a whole number from 1 to {max} in ASCII digits, e.g. 2, "
        "found {found}",
    },
    "record.bad_timestamp": {
        "zh": "时间“{found}”须为带时区的 RFC 3339 格式，例如 2026-11-29T09:30:00+08:00",
        "en": 'time "{found}" must be RFC 3339 with an offset, e.g. 2026-11-29T09:30:00+08:00',
    },
    "record.timestamp_no_offset": {
        "zh": "时间“{found}”缺少时区偏移；请加上，例如 2026-11-29T09:30:00+08:00（UTC 写 Z）",
        "en": 'time "{found}" has no offset; add one, e.g. 2026-11-29T09:30:00+08:00 (Z for UTC)',
    },
    "record.timestamp_leap_second": {
        "zh": "时间“{found}”是闰秒（:60），本程序只记录 00–59 秒；请写成 :59，例如 2016-12-31T23:59:59Z",
        "en": 'time "{found}" is a leap second (:60); seconds run from 00 to 59 here, '
        "write :59, e.g. 2016-12-31T23:59:59Z",
    },
    "record.timestamp_bad_offset": {
        "zh": "时间“{found}”的时区偏移须在 -23:59 到 +23:59 之间，例如 +08:00",
        "en": 'the offset of time "{found}" must be between -23:59 and +23:59, e.g. +08:00',
    },
    "record.timestamp_out_of_range": {
        "zh": "时间“{found}”换算成 UTC 后超出 0001-01-01 至 9999-12-31 的范围，"
        "例如 2026-11-29T09:30:00+08:00",
        "en": 'time "{found}" falls outside 0001-01-01 to 9999-12-31 in UTC; '
        "use a real time, e.g. 2026-11-29T09:30:00+08:00",
    },
    "record.bad_duration": {
        "zh": "通话时长须为 0 到 {max} 之间的整数秒，例如 95",
        "en": "call duration must be a whole number of seconds from 0 to {max}, e.g. 95",
    },
    "record.bad_operator": {
        "zh": "operator 须为不超过 {max} 个可打印字符的文字（不含换行和控制字符），例如 op-01",
        "en": "operator must be printable text of at most {max} characters (no line breaks "
        "or control characters), e.g. op-01",
    },
    "record.bad_notice_version": {
        "zh": "consent.notice_version 须为不超过 {max} 个可打印字符的文字，例如 2026-01，或省略",
        "en": "consent.notice_version must be printable text of at most {max} characters, "
        "e.g. 2026-01, or leave it out",
    },
    "record.invalid": {
        "zh": "值不符合记录格式：{detail}",
        "en": "the value does not fit the record: {detail}",
    },
}
