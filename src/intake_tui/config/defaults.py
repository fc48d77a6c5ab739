"""The built-in wording an operator reads aloud: the privacy notice and the call script.

Kept apart from the model so that the texts can be reviewed (by the privacy officer, by
the hotline lead) without reading validation code. ``sample_config.toml`` repeats them
verbatim; a test keeps the two in step.
"""

from __future__ import annotations

from typing import Final

NOTICE_VERSION: Final = "2026-01"

# The retention period named here must match the default of privacy.retention_days.
NOTICE_ZH: Final = (
    "在登记之前跟您说明一下：您提供的需求、用途、公司和联系方式，由本区投资促进办公室"
    "收集和处理，只用于为您匹配厂房、土地等载体资源，并就您的项目与您联系跟进。"
    "这些信息在最后一次联系后保存两年，到期删除。未经您另外同意，我们不会把您的信息"
    "提供给园区或业主。您可以随时要求查阅、更正或删除您的信息。\n"
    "请问您同意我们记录这些信息并与您联系吗？\n"
    "另外，是否同意我们把您的需求推荐给合适的园区和业主，由他们直接联系您？"
)

NOTICE_EN: Final = (
    "Before we take your details: the requirements, project, company and contact details "
    "you give us are collected and processed by the district Investment Promotion Office, "
    "only to match you with factories, land and other sites and to follow up with you "
    "about your project. We keep them for two years after our last contact, then delete "
    "them. We will not pass your details to industrial parks or landlords without your "
    "separate consent. You can ask us at any time to see, correct or delete them.\n"
    "Do you agree that we record these details and contact you?\n"
    "And may we pass your requirements to suitable parks and landlords so that they can "
    "contact you directly?"
)

#: Two years, the period the default notice promises.
RETENTION_DAYS: Final = 730

SCRIPT_ZH: Final[dict[str, str]] = {
    "need": "请问您是想租厂房、买厂房还是拿地？大概需要多大面积？什么时候要？",
    "use": "项目主要做什么产品、属于什么行业？是新设公司、扩产还是整体搬迁？",
    "tax": "项目落地后预计一年税收大概多少？年产值多少？公司打算在本区注册吗？",
    "company": "请问贵公司的全称是什么？方便的话，统一社会信用代码也说一下。",
    "contact": "请问怎么称呼您？您在公司担任什么职务？",
    "mobile": "请留一个手机号，方便我们的同事跟您对接；有微信的话也可以留一下。",
    "review": "我跟您核对一下刚才登记的信息……没有问题的话我就提交了，稍后会有同事联系您。",
}

SCRIPT_EN: Final[dict[str, str]] = {
    "need": "Are you looking to rent a factory, buy one, or acquire land? "
    "Roughly how much space, and by when?",
    "use": "What will the project make, and in which industry? "
    "Is it a new company, an expansion or a relocation?",
    "tax": "Once running, roughly how much tax per year do you expect, and what annual "
    "output? Will the company register in this district?",
    "company": "What is your company's full registered name? "
    "If you have it, the unified social credit code as well.",
    "contact": "May I have your name, and your position in the company?",
    "mobile": "Which mobile number can our colleagues reach you on? A WeChat ID is welcome too.",
    "review": "Let me read back what I have noted… If everything is correct I will submit "
    "it, and a colleague will contact you shortly.",
}

#: The capture steps that have a script line, in the order of the call.
SCRIPT_STEPS: Final = ("need", "use", "tax", "company", "contact", "mobile", "review")
