"""Catalogue entries for the delivery area: key -> {"zh": ..., "en": ...}."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.help.sync": {
        "zh": "把待发送的记录投递到后台（失败的稍后重试，直到全部送达或超时）",
        "en": "deliver queued records to the backend (retrying transient failures until done or timed out)",
    },
    "cli.help.sync_timeout": {
        "zh": "最多运行的秒数（默认取配置 backend.sync_timeout_s，例如 --timeout 60）",
        "en": "give up after this many seconds (default: backend.sync_timeout_s, e.g. --timeout 60)",
    },
    "delivery.delivered": {
        "zh": "已送达后台",
        "en": "delivered to the backend",
    },
    "delivery.already_there": {
        "zh": "后台已有这条记录（HTTP 409），视为已送达",
        "en": "the backend already has this record (HTTP 409); counted as delivered",
    },
    "delivery.rejected.client": {
        "zh": "后台拒收（HTTP {status}）：{reason}。请按后台的说明更正这条记录后重新提交（修订号会加 1）。",
        "en": "The backend refused the record (HTTP {status}): {reason}. Correct the record as the backend says and submit it again (its revision goes up by 1).",
    },
    "delivery.rejected.auth": {
        "zh": "后台不接受凭据（HTTP {status}）：{reason}。请检查环境变量 {env} 中的令牌，例如 export {env}=后台发放的令牌，然后再运行 intake-tui sync。",
        "en": "The backend did not accept the credentials (HTTP {status}): {reason}. Check the token in the environment variable {env}, e.g. export {env}=<token issued by the backend>, then run intake-tui sync again.",
    },
    "delivery.rejected.redirect": {
        "zh": '后台把请求转到了 {location}（HTTP {status}），本程序不跟随转址。请把配置 backend.url 设为最终地址，例如 url = "{location}"。',
        "en": 'The backend redirected the request to {location} (HTTP {status}); redirects are not followed. Set backend.url to the final address, e.g. url = "{location}".',
    },
    "delivery.rejected.superseded": {
        "zh": "这条记录已有更新的修订号 {current}，旧修订号 {revision} 不再发送；后台会收到修订号 {current}。",
        "en": "This record has a newer revision {current}; old revision {revision} is not sent; the backend gets revision {current} instead.",
    },
    "delivery.rejected.missing": {
        "zh": "本地找不到这条记录（{record_id}），无法发送。请用 intake-tui list 核对，正确的编号形如 0f8e2c1a-…。",
        "en": "This record ({record_id}) is not in the local store, so it cannot be sent. Check with intake-tui list; an id looks like 0f8e2c1a-….",
    },
    "delivery.retry.status": {
        "zh": "后台暂时无法处理（HTTP {status}），{seconds} 秒后重试。",
        "en": "The backend cannot take it right now (HTTP {status}); retrying in {seconds} s.",
    },
    "delivery.retry.timeout": {
        "zh": "后台没有及时答复（超时），{seconds} 秒后重试；如果经常发生，可调大配置 backend.timeout_s，例如 timeout_s = 30。",
        "en": "The backend did not answer in time; retrying in {seconds} s. If this keeps happening, raise backend.timeout_s, e.g. timeout_s = 30.",
    },
    "delivery.retry.connect": {
        "zh": '连接不上后台 {url}（{reason}），{seconds} 秒后重试。请检查网络，以及配置 backend.url 是否正确，例如 url = "https://crm.example.cn/api/inquiries"。',
        "en": 'Cannot connect to the backend at {url} ({reason}); retrying in {seconds} s. Check the network and backend.url, e.g. url = "https://crm.example.cn/api/inquiries".',
    },
    "delivery.retry.network": {
        "zh": '与后台通信中断（{reason}），{seconds} 秒后重试。请检查网络；配置 backend.url 形如 "https://crm.example.cn/api/inquiries"。',
        "en": 'The connection to the backend broke ({reason}); retrying in {seconds} s. Check the network; backend.url looks like "https://crm.example.cn/api/inquiries".',
    },
    "delivery.retry.tls_certificate": {
        "zh": '后台 {url} 的证书未通过验证（{reason}），没有发送任何数据，{seconds} 秒后重试；记录保留在本地。如果后台使用单位内部签发的证书，请在配置 backend.ca_bundle 中填写签发它的 CA 证书文件（PEM），例如 ca_bundle = "/etc/intake-tui/ca.pem"。',
        "en": 'The certificate of the backend at {url} could not be verified ({reason}); nothing was sent, retrying in {seconds} s, and the record stays saved locally. If the backend uses a certificate issued in-house, set backend.ca_bundle to the PEM file of the CA that issued it, e.g. ca_bundle = "/etc/intake-tui/ca.pem".',
    },
    "delivery.retry.tls_handshake": {
        "zh": '与后台 {url} 无法建立加密连接（{reason}），没有发送任何数据，{seconds} 秒后重试；记录保留在本地。请核对配置 backend.url 的协议和端口，例如 url = "https://crm.example.cn/api/inquiries"（https 对应加密端口，通常是 443）。',
        "en": 'No encrypted connection could be set up with the backend at {url} ({reason}); nothing was sent, retrying in {seconds} s, and the record stays saved locally. Check the scheme and port of backend.url, e.g. url = "https://crm.example.cn/api/inquiries" (https goes with the TLS port, usually 443).',
    },
    "delivery.retry.interrupted": {
        "zh": "上次发送时程序被中断（例如被关闭或断电），现在重新发送；后台凭幂等键 Idempotency-Key 识别重复，不会重复登记。",
        "en": "The program was interrupted while sending this (closed, killed or a power cut); it is sent again now, and the backend recognises the repeat by its Idempotency-Key.",
    },
    "delivery.retry.deferred": {
        "zh": "本批其他记录耗时较长，这条还没发出，稍后马上重试；如果经常出现，请检查后台是否很慢，或调小配置 backend.timeout_s，例如 timeout_s = 10。",
        "en": "Other records of this batch took long, so this one was not sent yet; it is retried right away. If this keeps happening, check whether the backend is slow, or lower backend.timeout_s, e.g. timeout_s = 10.",
    },
    "delivery.sync.disabled": {
        "zh": '后台投递没有启用，没有发送任何记录。请在配置文件的 [backend] 中设置 enabled = true 和 url，例如 url = "https://crm.example.cn/api/inquiries"。',
        "en": 'Backend delivery is not enabled; nothing was sent. In the config\'s [backend] section set enabled = true and url, e.g. url = "https://crm.example.cn/api/inquiries".',
    },
    "delivery.sync.no_url": {
        "zh": '配置 backend.url 为空，没有发送任何记录。请填写后台地址，例如 url = "https://crm.example.cn/api/inquiries"。',
        "en": 'backend.url is empty; nothing was sent. Set the backend address, e.g. url = "https://crm.example.cn/api/inquiries".',
    },
    "delivery.sync.line": {
        "zh": "{record_id} 修订 {revision}：{status}{detail}",
        "en": "{record_id} revision {revision}: {status}{detail}",
    },
    "delivery.sync.progress": {
        "zh": "正在投递",
        "en": "Delivering",
    },
    "delivery.status.delivered": {"zh": "已送达", "en": "delivered"},
    "delivery.status.waiting": {"zh": "稍后重试", "en": "waiting"},
    "delivery.status.rejected": {"zh": "被拒收", "en": "rejected"},
    "delivery.sync.summary": {
        "zh": "本次送达 {delivered} 条；仍待发送 {waiting} 条；被拒收 {rejected} 条。",
        "en": "Delivered {delivered}; still waiting {waiting}; rejected {rejected}.",
    },
    "delivery.sync.reason": {
        "zh": "  {record_id} 修订 {revision}（{status}）：{reason}",
        "en": "  {record_id} revision {revision} ({status}): {reason}",
    },
    "delivery.loop.failed": {
        "zh": "后台发送出了意外错误（{detail}），稍后自动再试；记录都已保存在本地，不会丢失。如果一直出现，请运行 intake-tui sync 查看详情。",
        "en": "Background delivery hit an unexpected error ({detail}); it tries again shortly. Every record is saved locally and nothing is lost. If this keeps happening, run intake-tui sync to see details.",
    },
}
