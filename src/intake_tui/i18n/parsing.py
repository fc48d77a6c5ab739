"""Catalogue entries for the parsing area: key -> {"zh": ..., "en": ...}.

Every error says what is wrong and what a right value looks like. Placeholders ending in
``_zh`` / ``_en`` carry text already written in that language (option lists, ranges).
"""

_MOBILE_HINT_ZH = "本项只填大陆手机号，例如 {example}"
_MOBILE_HINT_EN = "this field takes a mainland mobile number such as {example}"

MESSAGES: dict[str, dict[str, str]] = {
    # Shared by every parser.
    "parsing.wrong_type": {
        "zh": "应为{expected_zh}，收到的是{found_zh}；例如 {example}",
        "en": "expected {expected_en}, found {found_en}; for example {example}",
    },
    "parsing.empty": {
        "zh": "没有填写内容；例如 {example}",
        "en": "nothing was entered; for example {example}",
    },
    # Text, e-mail, yes/no.
    "parsing.text_empty": {
        "zh": "没有填写内容；请填写 {min_len}–{max_len} 个字",
        "en": "nothing was entered; write {min_len} to {max_len} characters",
    },
    "parsing.text_control_characters": {
        "zh": "含有不可见的控制字符（多为粘贴带入）；请删除后只输入普通文字",
        "en": "contains invisible control characters (usually pasted in); retype it as plain text",
    },
    "parsing.text_spoofing_characters": {
        "zh": "第 {position} 个字符是不可见的文字方向或零宽字符（{code}），会让名称看起来像别的名称；请删除后重新输入",
        "en": "character {position} is an invisible direction or zero-width character ({code}) that can make a name look like another; delete it and retype the text",
    },
    "parsing.text_too_short": {
        "zh": "太短：只有 {length} 个字，应为 {min_len}–{max_len} 个字",
        "en": "too short: {length} characters; it must be {min_len} to {max_len} characters",
    },
    "parsing.text_too_long": {
        "zh": "太长：有 {length} 个字，应为 {min_len}–{max_len} 个字",
        "en": "too long: {length} characters; it must be {min_len} to {max_len} characters",
    },
    "parsing.email_invalid": {
        "zh": "「{found}」不是有效的邮箱地址；例如 {example}",
        "en": "“{found}” is not a valid e-mail address; for example {example}",
    },
    "parsing.bool_invalid": {
        "zh": "「{found}」不是是/否回答；请填 是 或 否（也可 y/n、1/0）",
        "en": "“{found}” is not a yes/no answer; enter yes or no (also y/n, 1/0, 是/否)",
    },
    # Numbers and money.
    "parsing.number_invalid": {
        "zh": "「{found}」不是一个数；例如 {example}",
        "en": "“{found}” is not a number; for example {example}",
    },
    "parsing.number_not_integer": {
        "zh": "{value} 不是整数；应为整数，例如 {example}",
        "en": "{value} is not a whole number; enter a whole number such as {example}",
    },
    "parsing.number_out_of_range": {
        "zh": "{value} 超出范围：应{range_zh}；例如 {example}",
        "en": "{value} is out of range: it must be {range_en}; for example {example}",
    },
    "parsing.money_invalid": {
        "zh": "「{found}」不是金额；请填一个数，单位万元，例如 500、500万、1.2亿 或 5,000,000元",
        "en": "“{found}” is not an amount of money; enter one number in 万元 (10,000 yuan), "
        "e.g. 500, 500万, 1.2亿 or 5,000,000元",
    },
    "parsing.tax_invalid": {
        "zh": "「{found}」不是税收金额；请填一个数，单位万元，例如 500 或 500万；"
        "来电人不清楚时填「不详」",
        "en": "“{found}” is not a tax amount; enter one number in 万元 (10,000 yuan), "
        "e.g. 500 or 500万, or “unknown” when the caller does not know",
    },
    "parsing.money_range": {
        "zh": "「{found}」是一个范围；请只填一个数，例如 500 或 500万",
        "en": "“{found}” is a range; enter one number, e.g. 500 or 500万",
    },
    "parsing.money_negative": {
        "zh": "金额「{found}」是负数；金额应不小于 0，例如 500 或 500万",
        "en": "the amount “{found}” is negative; it must be 0 or more, e.g. 500 or 500万",
    },
    "parsing.money_too_large": {
        "zh": "「{found}」折合 {value} 万元，大得不合理；请核对单位：500 表示 500万元",
        "en": "“{found}” is {value} 万元, which is implausibly large; check the unit: "
        "500 means 5,000,000 yuan (500万元)",
    },
    # Areas.
    "parsing.area_invalid": {
        "zh": "「{found}」不是面积；请填平方米数或范围，例如 3000、3000平米、1.5万平 或 2000-3000",
        "en": "“{found}” is not an area; enter square metres or a range, "
        "e.g. 3000, 3000㎡, 1.5万平 or 2000-3000",
    },
    "parsing.area_not_positive": {
        "zh": "面积 {value} 不大于 0；面积应大于 0，例如 3000 或 2000-3000",
        "en": "the area {value} is not above 0; it must be more than 0, e.g. 3000 or 2000-3000",
    },
    "parsing.area_too_large": {
        "zh": "面积 {value}㎡ 超过上限 1,000,000㎡；例如 3000 或 2000-3000",
        "en": "the area {value} ㎡ is over the limit of 1,000,000 ㎡; e.g. 3000 or 2000-3000",
    },
    "parsing.area_reversed": {
        "zh": "范围 {low}-{high} 的前一个数更大；请先写小的数，例如 2000-3000",
        "en": "the range {low}-{high} starts with the larger number; "
        "write the smaller first, e.g. 2000-3000",
    },
    "parsing.area_wrong_field": {
        "zh": "「{unit}」是{field_zh}（{field}）的单位；"
        "本项是需求面积，单位为㎡，例如 3000 或 2000-3000",
        "en": "“{unit}” is the unit of the {field_en} field ({field}); this field is the "
        "floor area in ㎡, e.g. 3000 or 2000-3000",
    },
    "parsing.area_object_keys": {
        "zh": '面积对象应恰好有 min 和 max 两项，例如 {{"min": 2000, "max": 3000}}',
        "en": 'an area object must have exactly "min" and "max", e.g. {{"min": 2000, "max": 3000}}',
    },
    "parsing.land_invalid": {
        "zh": "「{found}」不是用地面积；请填亩数，例如 50、50亩 或 五十亩",
        "en": "“{found}” is not a land area; enter mu (亩), e.g. 50, 50亩 or 五十亩",
    },
    "parsing.land_range": {
        "zh": "「{found}」是一个范围；请只填一个亩数，例如 50 或 50亩",
        "en": "“{found}” is a range; enter one number of mu (亩), e.g. 50 or 50亩",
    },
    "parsing.land_out_of_range": {
        "zh": "用地面积 {value} 亩超出范围：应大于 0 且不超过 10,000 亩；例如 50亩",
        "en": "the land area {value} mu is out of range: it must be above 0 and at most "
        "10,000 mu; e.g. 50亩",
    },
    "parsing.land_converted": {
        "zh": "已将 {original} 换算为 {value} 亩（1 亩 = 666.67 ㎡，1 公顷 = 15 亩）；请核对",
        "en": "converted {original} to {value} mu (1 mu = 666.67 ㎡, 1 hectare = 15 mu); "
        "please check",
    },
    # Choices.
    "parsing.choice_invalid": {
        "zh": "「{found}」不是可选项；请填编号、代码或名称：{choices_zh}",
        "en": "“{found}” is not one of the choices; enter its number, code or name: {choices_en}",
    },
    "parsing.choice_empty": {
        "zh": "没有选择；请填编号、代码或名称：{choices_zh}",
        "en": "nothing was chosen; enter a number, code or name: {choices_en}",
    },
    "parsing.choices_item_invalid": {
        "zh": "第 {position} 项「{found}」不是可选项；可选：{choices_zh}。"
        "多项用逗号或空格分开，例如 {example_zh}",
        "en": "item {position}, “{found}”, is not one of the choices: {choices_en}. "
        "Separate several with commas, e.g. {example_en}",
    },
    "parsing.choices_too_many": {
        "zh": "有 {count} 项，太多了；请从以下选项中选择：{choices_zh}",
        "en": "{count} items is too many; choose from: {choices_en}",
    },
    # Timeline.
    "parsing.timeline_invalid": {
        "zh": "「{found}」不是落地时间；请选 {choices_zh}，或填月份，例如 2027-03",
        "en": "“{found}” is not a timeline; choose {choices_en}, or enter a month such as 2027-03",
    },
    "parsing.timeline_month_invalid": {
        "zh": "「{found}」中的月份不存在；月份应为 1–12，例如 2027-03",
        "en": "“{found}” has no such month; the month must be 1 to 12, e.g. 2027-03",
    },
    "parsing.timeline_past": {
        "zh": "{month} 已经过去；请填本月或以后的月份，例如 {example}",
        "en": "{month} is a past month; enter this month or a later one, e.g. {example}",
    },
    "parsing.timeline_too_far": {
        "zh": "{month} 在 {years} 年以后；请填 {latest} 或更早的月份，或选「待定」",
        "en": "{month} is more than {years} years ahead; enter {latest} or earlier, "
        "or choose “Undecided”",
    },
    # Phone numbers.
    "parsing.mobile_letters": {
        "zh": "「{found}」含有数字以外的字符；"
        "手机号只能填数字（可带空格、横线），例如 135 2467 8515",
        "en": "“{found}” contains characters other than digits; enter only digits "
        "(spaces and dashes are fine), e.g. 135 2467 8515",
    },
    "parsing.mobile_digit_count": {
        "zh": "手机号应为 11 位数字，这里有 {count} 位；例如 {example}",
        "en": "a mobile number has 11 digits, this one has {count}; for example {example}",
    },
    "parsing.mobile_landline": {
        "zh": "{number} 是固定电话，不是手机号；固话请填到备用电话（{field}），" + _MOBILE_HINT_ZH,
        "en": "{number} is a landline, not a mobile number; put landlines in the alternative "
        "phone field ({field}); " + _MOBILE_HINT_EN,
    },
    "parsing.mobile_service_number": {
        "zh": "{number} 是 400/800 服务号码，不是手机号；请填到备用电话（{field}），"
        + _MOBILE_HINT_ZH,
        "en": "{number} is a 400/800 service number, not a mobile number; put it in the "
        "alternative phone field ({field}); " + _MOBILE_HINT_EN,
    },
    "parsing.mobile_foreign": {
        "zh": "{number} 不是中国大陆号码；境外号码请填到备用电话（{field}），"
        "本项只填大陆手机号，例如 13524678515",
        "en": "{number} is not a mainland China number; put foreign numbers in the alternative "
        "phone field ({field}); this field takes a mainland mobile such as 13524678515",
    },
    "parsing.mobile_not_mobile": {
        "zh": "{number} 不是大陆手机号：手机号为 11 位，以 13–19 开头；例如 {example}",
        "en": "{number} is not a mainland mobile number: those have 11 digits starting with "
        "13 to 19; for example {example}",
    },
    "parsing.mobile_unknown_segment": {
        "zh": "号段 {prefix} 不在号码库中（可能是新号段）；请向来电人复核 {number}",
        "en": "the prefix {prefix} is not in the number database (maybe a new range); "
        "read {number} back to the caller",
    },
    "parsing.alt_phone_invalid": {
        "zh": "「{found}」不是有效的电话号码；"
        "固话请带区号，境外号码请带 + 和国家代码，例如 {example}",
        "en": "“{found}” is not a valid phone number; give landlines with their area code and "
        "foreign numbers with + and the country code, e.g. {example}",
    },
    # Company.
    "parsing.company_name_length": {
        "zh": "企业名称有 {length} 个字，应为 {min_len}–{max_len} 个字；例如 {example}",
        "en": "the company name has {length} characters; it must have {min_len} to {max_len}, "
        "e.g. {example}",
    },
    "parsing.company_name_no_form": {
        "zh": "企业名称中没有组织形式（如 有限公司、股份有限公司）；筹建中的企业可保留，"
        "否则请填完整名称，例如 {example}",
        "en": "the company name has no legal form (such as 有限公司 or Co., Ltd.); keep it if the "
        "company is still being set up, otherwise give the full name, e.g. {example}",
    },
    "parsing.uscc_characters": {
        "zh": "统一社会信用代码含有不允许的字符 {characters}"
        "（只用数字和大写字母，不用 I、O、S、V、Z）；例如 {example}",
        "en": "the credit code contains characters that are not allowed: {characters} (only "
        "digits and capital letters except I, O, S, V, Z); e.g. {example}",
    },
    "parsing.uscc_length": {
        "zh": "统一社会信用代码应为 18 位，这里有 {length} 位；例如 {example}",
        "en": "the credit code has 18 characters, this one has {length}; e.g. {example}",
    },
    "parsing.uscc_region": {
        "zh": "统一社会信用代码第 3–8 位是行政区划码，应为 6 位数字，"
        "这里是「{region}」；例如 {example}",
        "en": "characters 3 to 8 of the credit code are the region code and must be 6 digits, "
        "found “{region}”; e.g. {example}",
    },
    "parsing.uscc_check": {
        "zh": "统一社会信用代码校验位（最后一位）与前 17 位不符，"
        "可能有字符输错；请逐位核对，例如 {example}",
        "en": "the check character (the last one) of the credit code does not match the first "
        "17, so a character is probably mistyped; check each one, e.g. {example}",
    },
}
