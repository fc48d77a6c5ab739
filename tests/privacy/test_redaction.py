"""The one redaction module: mobiles in every spelling, credentials, secret URL parameters."""

from __future__ import annotations

import pytest

from intake_tui.privacy.redaction import (
    REDACTED,
    SECRET_PARAMS,
    mask_mobiles,
    mask_mobiles_in,
    mask_url,
    might_need_redaction,
    redact,
    redact_data,
    remove_credentials,
)

MASKED = "135****8515"
RECORD_ID = "3f2a9c1e-1352-4678-851a-0b1c2d3e4f5a"


@pytest.mark.parametrize(
    "spelled",
    [
        "13524678515",
        "135 2467 8515",
        "135-2467-8515",
        "135 - 2467 - 8515",
        "135.2467.8515",
        "135\t2467\t8515",
        "135\u00a02467\u00a08515",
        "135\u30002467\u30008515",
        "135\u20102467\u20148515",
        "135\uff0d2467\uff0e8515",
        "1 3 5 2 4 6 7 8 5 1 5",
        "１３５２４６７８５１５",
        "１３５　２４６７　８５１５",
        "+86 135-2467-8515",
        "+8613524678515",
        "＋８６ １３５２４６７８５１５",
        "0086 135 2467 8515",
        "００８６13524678515",
        "8613524678515",
        "86-135-2467-8515",
        "(+86) 135 2467 8515",
        "（＋86）13524678515",
        "(0086)13524678515",
    ],
)
def test_every_spelling_is_masked_to_one_form(spelled: str) -> None:
    assert mask_mobiles(f"请打 {spelled} 找张工") == f"请打 {MASKED} 找张工"
    assert mask_mobiles(spelled) == MASKED


@pytest.mark.parametrize(
    "text",
    [
        "12524678515",  # the second digit of a mobile is 3-9
        "1352467851",  # ten digits
        "135246785150",  # twelve digits
        "913524678515",  # the tail of a longer number
        "135    2467 8515",  # four separators: not how a number is written
        "135/2467/8515",
        "021-66668888",
        "2026-11-29 13:45:12",
        "HTTP 503, retry in 12.5 s",
    ],
)
def test_other_numbers_are_left_alone(text: str) -> None:
    assert mask_mobiles(text) == text


def test_two_numbers_in_one_text_are_both_masked() -> None:
    text = "张 13524678515，李 +86 139-1111-2222"
    assert mask_mobiles(text) == "张 135****8515，李 139****2222"


@pytest.mark.parametrize("name", SECRET_PARAMS)
def test_each_secret_parameter_is_masked(name: str) -> None:
    url = f"https://hook.example.cn/send?{name}=v-9x&timestamp=1700000000&page=2"
    expected = f"https://hook.example.cn/send?{name}={REDACTED}&timestamp=1700000000&page=2"
    assert mask_url(url) == expected
    assert mask_url(url.replace(f"?{name}=", f"?{name.upper()}=")) == expected.replace(
        f"?{name}=", f"?{name.upper()}="
    )


def test_the_listed_secret_parameters() -> None:
    assert set(SECRET_PARAMS) >= {
        "key",
        "sign",
        "access_token",
        "secret",
        "token",
        "signature",
        "sig",
        "api_key",
        "password",
    }
    assert "timestamp" not in SECRET_PARAMS


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://h/x?app_key=v1&a=1", f"https://h/x?app_key={REDACTED}&a=1"),
        ("https://h/x?a=1&client-secret=v1", f"https://h/x?a=1&client-secret={REDACTED}"),
        ("https://h/x?a=1;sign=v1#top", f"https://h/x?a=1;sign={REDACTED}#top"),
        ("https://h/x?monkey=1&pkey=2", "https://h/x?monkey=1&pkey=2"),
        ("https://h/x?keys=1", "https://h/x?keys=1"),
        ("https://h/key=1", "https://h/key=1"),  # a path, not a parameter
        ("https://u:pw-1@h/x", f"https://u:{REDACTED}@h/x"),
        ("https://u@h/x", "https://u@h/x"),
        ("https://h:8443/x", "https://h:8443/x"),
        ("mailto:a@b.cn", "mailto:a@b.cn"),
    ],
)
def test_mask_url(url: str, expected: str) -> None:
    assert mask_url(url) == expected


def test_a_secret_value_is_removed_wherever_it_stands() -> None:
    text = "token tok-abc-123 was refused (tok-abc-123)"
    assert remove_credentials(text, ["tok-abc-123"]) == f"token {REDACTED} was refused ({REDACTED})"


def test_a_secret_is_removed_as_given_and_percent_encoded() -> None:
    assert remove_credentials("got a%2Fb%3D", ["a/b="]) == f"got {REDACTED}"
    assert remove_credentials("got a/b= and a%2Fb%3D", ["a/b="]) == f"got {REDACTED} and {REDACTED}"


def test_the_longer_of_two_secrets_goes_whole() -> None:
    assert remove_credentials("x abcdef y", ["abcd", "abcdef"]) == f"x {REDACTED} y"
    # Longest first, not in reverse alphabetical order ("zz99" sorts after "a-zz99-b").
    assert remove_credentials("x a-zz99-b y", ["zz99", "a-zz99-b"]) == f"x {REDACTED} y"


def test_only_a_cut_secret_is_removed_after_the_whole_ones() -> None:
    # The replacement may itself end like the secret's start ("[REDACTED]" ends in "D]").
    assert remove_credentials("D]zzzz", ["D]zz"]) == f"{REDACTED}zz"


def test_secrets_are_taken_without_surrounding_space_and_blank_ones_ignored() -> None:
    assert remove_credentials("a b tok1 c", [" tok1 ", "", "  "]) == f"a b {REDACTED} c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("refused: tok-priv", f"refused: {REDACTED}"),  # cut after 8 of 11 characters
        ("refused: tok-privat", f"refused: {REDACTED}"),  # all but the last character
        ("refused: tok-priva", f"refused: {REDACTED}"),  # every length counts, not every other
        ("refused: tok-p", f"refused: {REDACTED}"),
        ("refused: tok-", f"refused: {REDACTED}"),  # the shortest cut that counts
        ("refused: tok", "refused: tok"),  # three characters prove nothing
        ("refused: tok-p later", "refused: tok-p later"),  # only a cut at the end
    ],
)
def test_a_secret_cut_off_at_the_end_is_removed(text: str, expected: str) -> None:
    assert remove_credentials(text, ["tok-private"]) == expected


def test_a_short_secret_is_only_removed_whole() -> None:
    assert remove_credentials("pin ab1", ["ab12"]) == "pin ab1"
    assert remove_credentials("pin ab12", ["ab12"]) == f"pin {REDACTED}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization: Bearer abc.def", f"Authorization: {REDACTED}"),
        ("authorization=Basic dXNlcjpwdw==", f"authorization={REDACTED}"),
        ("{'Authorization': 'Bearer x1', 'a': 1}", f"{{'Authorization': '{REDACTED}', 'a': 1}}"),
        ('"proxy-authorization": "Digest x"', f'"proxy-authorization": "{REDACTED}"'),
        ("sent Bearer abc-123_x and more", f"sent Bearer {REDACTED} and more"),
        ("sent bearer\tABC", f"sent bearer\t{REDACTED}"),
        ("BASIC dXNlcjpwdw==", f"BASIC {REDACTED}"),
        ("the abearer x", "the abearer x"),
        ("plain text", "plain text"),
    ],
)
def test_credentials_are_removed(text: str, expected: str) -> None:
    assert remove_credentials(text) == expected


def test_redact_removes_credentials_and_masks_mobiles() -> None:
    text = "caller 13524678515 token s3cr3t-v url https://h/x?key=k1"
    assert redact(text, ["s3cr3t-v"]) == (
        f"caller {MASKED} token {REDACTED} url https://h/x?key={REDACTED}"
    )
    assert redact("nothing here") == "nothing here"


def test_redact_data_walks_every_value_and_key() -> None:
    data = {
        "note": "call 135 2467 8515",
        "13524678515": ["Bearer abc", ("x", "tok-1")],
        "nested": {"n": 13524678515, "small": 42, "flag": True, "ratio": 0.5, "none": None},
    }
    assert redact_data(data, ["tok-1"]) == {
        "note": f"call {MASKED}",
        MASKED: [f"Bearer {REDACTED}", ["x", REDACTED]],
        "nested": {"n": MASKED, "small": 42, "flag": True, "ratio": 0.5, "none": None},
    }
    assert data["note"] == "call 135 2467 8515"  # the original is left as it was


def test_a_record_id_keeps_its_digits_but_not_a_secret() -> None:
    assert mask_mobiles(RECORD_ID) != RECORD_ID  # by chance it holds a mobile's digits
    assert redact_data({"id": RECORD_ID}) == {"id": RECORD_ID}
    assert mask_mobiles_in([RECORD_ID]) == [RECORD_ID]
    assert redact_data([RECORD_ID], [RECORD_ID]) == [REDACTED]
    assert redact_data([f"{RECORD_ID}x"]) == [mask_mobiles(f"{RECORD_ID}x")]
    assert redact_data({RECORD_ID: RECORD_ID}, ["tok"]) == {RECORD_ID: RECORD_ID}


def test_only_integers_are_read_as_numbers() -> None:
    data = [13524678515.0, None, True, 13524678515]
    assert redact_data(data) == [13524678515.0, None, True, MASKED]


def test_mask_mobiles_in_masks_only_mobiles() -> None:
    data = {"a": "Bearer abc 13524678515", "b": [13524678515, 7], "c": False}
    assert mask_mobiles_in(data) == {"a": f"Bearer abc {MASKED}", "b": [MASKED, 7], "c": False}


@pytest.mark.parametrize(
    "text",
    ["delivery.delivered", '{"revision":1,"attempt":2,"http_status":201}', "1234567890", "to"],
)
def test_text_with_nothing_to_redact_is_recognised(text: str) -> None:
    assert not might_need_redaction(text, ["tok-abc"])
    assert redact(text, ["tok-abc"]) == text


@pytest.mark.parametrize(
    "text",
    [
        "12345678901",
        "a=b",
        "a@b",
        "Authorization",
        "BEARER",
        "basic",
        "xx tok- yy",  # the start of the secret (it may be cut there)
        '{"x":"ab\\"cd"}',  # a secret with a quote, as JSON spells it
        'pre ab"c',
        "got a%2Fb",  # the start of the percent-encoded spelling
    ],
)
def test_text_that_may_need_redaction_is_recognised(text: str) -> None:
    assert might_need_redaction(text, ["tok-abc", 'ab"cd', "a/b.c"])


def test_three_characters_of_a_secret_are_not_a_reason() -> None:
    assert not might_need_redaction("xx tok yy", ["tok-abc"])
    assert not might_need_redaction("xx tok yy", ["tok"])  # too short to look for at all
    assert remove_credentials("a tok t", ["tok", "t"]) == "a tok t"
    assert remove_credentials("a toke", ["toke"]) == f"a {REDACTED}"


def test_three_characters_never_count_as_a_cut_secret() -> None:
    # The text's last four characters are in the secret, its last three start it.
    assert remove_credentials("x -tok", ["tok-tok9"]) == "x -tok"


def test_a_secret_start_is_looked_for_exactly_as_json_writes_it() -> None:
    # json.dumps(ensure_ascii=False) keeps "é" and escapes the quote.
    assert might_need_redaction('{"x":"é\\"abc"}', ['é"abc'])
    assert not might_need_redaction("xx ok- yy", ["tok-abc"])
