"""Alert delivery: the pending rows of ``alerts`` become one email per batch, sent exactly once.

The ``alerts`` table is a transactional outbox (novelty writes the rows with the data that caused
them). A delivery

1. claims what is to be sent in one short write transaction: status ``sending``, the batch's
   Message-ID, ``attempts + 1``; then closes the connection;
2. delivers the message: SMTP when ``smtp_host`` is set, else an ``.eml`` file in the outbox;
   Apprise channels in addition when configured;
3. records the outcome in a second short transaction: ``sent`` with ``sent_at`` and ``channel``,
   or back to ``pending`` with ``last_error``.

A batch keeps its Message-ID for good. Rows found in ``sending`` (a pass died between 1 and 3) or
back in ``pending`` after a failed attempt are delivered again as the same message under the same
Message-ID, so nothing is lost and a delivery that did happen is not seen twice: the outbox file
is named after the Message-ID and an existing file counts as delivered; mail clients drop a
second copy of a Message-ID they already hold. Passes never overlap (the pass lease), so a
``sending`` row met at the start of a delivery belongs to a pass that died. Apprise channels
have no Message-ID: after such a crash they may be notified twice.

Delivery never raises on a channel problem; it reports it. What can go wrong:

    delivery failure      the message was not handed over; its alerts stay pending, the text is
    │                     in ``last_error`` and ``DeliveryReport.error``
    ├── transient         connection refused or reset, timeout, SMTP 4xx: the next pass retries
    └── terminal          SMTP 5xx (login, sender or every recipient refused), TLS handshake,
                          outbox not writable: kept pending too, since dropping an alert is worse
                          than retrying it every pass until the configuration is fixed
    warning               the email went out but an extra did not: an Apprise channel failed or
                          some recipients were refused; the alerts are sent, the text is in
                          ``last_error`` and ``DeliveryReport.warning``

Everything an article supplies (titles, sentences, URLs) is untrusted: control characters never
reach a header, the HTML part escapes it all, and only http(s) URLs become links.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import smtplib
import ssl
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses, parseaddr
from pathlib import Path

import duckdb

from flows.settings import AlertSettings
from warehouse.db import Warehouse, in_keys, utcnow
from warehouse.state import FailureRecord, record_failures

ALERT_STATUSES = ("pending", "sending", "sent")

# Display names of the actors the extractor reports (LABELING.md); codes stay visible beside them.
ACTOR_NAMES = {
    "RU": "Russia",
    "UA": "Ukraine",
    "US": "United States",
    "EU": "European Union",
    "NATO": "NATO",
}

_SUBJECT_LIMIT = 150
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


HEALTH_KIND = "pipeline_health"


class UnknownAlertError(LookupError):
    """No alert has the id given to ``resend_alert``."""


@dataclass(frozen=True)
class AlertRow:
    """One row of the ``alerts`` table."""

    alert_id: str
    kind: str                       # new_region | new_demand | pipeline_health
    region_code: str | None
    region_name: str | None
    actor: str | None
    demand_type: str | None
    sentence: str | None
    isw_attributed: bool | None
    article_id: str | None
    article_title: str | None
    article_url: str | None
    outlet: str | None
    article_published: str | None
    run_id: str | None
    status: str                     # pending | sending | sent
    attempts: int
    last_error: str | None
    message_id: str | None
    channel: str | None
    created_at: datetime | None
    sent_at: datetime | None


_ALERT_COLUMNS = ", ".join(f.name for f in fields(AlertRow))


@dataclass(frozen=True)
class DeliveryReport:
    """What one delivery did: alerts sent, alerts still waiting, and any problem."""

    sent: int
    pending: int
    channel: str                    # smtp | outbox (+apprise when a chat channel was notified)
    error: str | None               # a message not handed over; its alerts stay pending
    message_id: str | None          # the last message attempted, None when nothing was due
    warning: str | None = None      # delivered, but an extra failed (Apprise, some recipients)
    messages: int = 0               # messages handed over by this delivery


@dataclass(frozen=True)
class _Batch:
    message_id: str
    alerts: tuple[AlertRow, ...]


@dataclass(frozen=True)
class _Outcome:
    delivered: bool
    channel: str
    error: str | None = None
    warning: str | None = None
    transient: bool = False


# --- reading ------------------------------------------------------------------------------

def list_alerts(warehouse: Warehouse, status: str | None = None) -> list[AlertRow]:
    """Return the alerts, newest first, optionally only those with ``status``."""
    if status is not None and status not in ALERT_STATUSES:
        raise ValueError(f"status must be one of {', '.join(ALERT_STATUSES)}, got {status!r}")
    where, params = ("WHERE status = ?", [status]) if status else ("", [])
    with warehouse.reading() as conn:
        return _select_alerts(conn, f"{where} ORDER BY created_at DESC, alert_id", params)


def _select_alerts(
    conn: duckdb.DuckDBPyConnection, clause: str, params: Sequence[object] = ()
) -> list[AlertRow]:
    rows = conn.execute(f"SELECT {_ALERT_COLUMNS} FROM alerts {clause}", list(params)).fetchall()
    return [AlertRow(*row) for row in rows]


def batch_message_id(alert_ids: Sequence[str]) -> str:
    """Return the Message-ID of the batch made of ``alert_ids`` (order does not matter)."""
    digest = hashlib.sha256("\n".join(sorted(alert_ids)).encode("utf-8")).hexdigest()[:24]
    return f"<iswatch-{digest}@iswatch>"


def outbox_file_name(message_id: str) -> str:
    """Return the ``.eml`` file name of a message: its Message-ID's local part."""
    local = message_id.strip("<>").split("@", 1)[0]
    return re.sub(r"[^A-Za-z0-9._-]", "", local) + ".eml"


# --- delivery -----------------------------------------------------------------------------

def deliver_pending_alerts(
    warehouse: Warehouse,
    settings: AlertSettings,
    *,
    now: datetime | None = None,
    run_id: str | None = None,
) -> DeliveryReport:
    """Send every pending alert (and any left ``sending`` by a dead pass); return what happened.

    New pending alerts form one message; alerts that already carry a Message-ID from an earlier
    attempt are re-sent under it. With ``run_id``, failures are also written to ``failures``.
    """
    now = now or utcnow()
    with warehouse.writing() as conn:
        batches = _claim_batches(conn)
    channel = primary_channel(settings)
    sent = pending = messages = 0
    errors: list[str] = []
    warnings: list[str] = []
    last_message_id = None
    for batch in batches:
        outcome = _deliver(batch.alerts, settings, batch.message_id, now)
        with warehouse.writing() as conn:
            _record_outcome(conn, batch, outcome, now, run_id)
        last_message_id = batch.message_id
        if outcome.delivered:
            sent += len(batch.alerts)
            messages += 1
            channel = outcome.channel
        else:
            pending += len(batch.alerts)
        if outcome.error:
            errors.append(outcome.error)
        if outcome.warning:
            warnings.append(outcome.warning)
    return DeliveryReport(
        sent=sent,
        pending=pending,
        channel=channel,
        error="; ".join(errors) or None,
        message_id=last_message_id,
        warning="; ".join(warnings) or None,
        messages=messages,
    )


def resend_alert(
    warehouse: Warehouse,
    settings: AlertSettings,
    alert_id: str,
    *,
    now: datetime | None = None,
) -> DeliveryReport:
    """Deliver one alert again on purpose, as a new message; return what happened.

    On success the alert is ``sent`` with the new Message-ID and ``sent_at``; on failure its
    status is left as it was and the error is recorded. Raises ``UnknownAlertError``.
    """
    now = now or utcnow()
    with warehouse.writing() as conn:
        found = _select_alerts(conn, "WHERE alert_id = ?", [alert_id])
        if not found:
            raise UnknownAlertError(f"no alert with id {alert_id!r}")
        conn.execute("UPDATE alerts SET attempts = attempts + 1 WHERE alert_id = ?", [alert_id])
    alert = found[0]
    seed = f"{alert_id}\n{now.isoformat()}\n{alert.attempts + 1}"
    message_id = f"<iswatch-resend-{hashlib.sha256(seed.encode()).hexdigest()[:24]}@iswatch>"
    outcome = _deliver((alert,), settings, message_id, now, resent=True)
    with warehouse.writing() as conn:
        if outcome.delivered:
            conn.execute(
                "UPDATE alerts SET status = 'sent', sent_at = ?, channel = ?, message_id = ?,"
                " last_error = ? WHERE alert_id = ?",
                [now, outcome.channel, message_id, outcome.warning, alert_id],
            )
        else:
            conn.execute(
                "UPDATE alerts SET last_error = ? WHERE alert_id = ?", [outcome.error, alert_id]
            )
    return DeliveryReport(
        sent=1 if outcome.delivered else 0,
        pending=0 if outcome.delivered or alert.status == "sent" else 1,
        channel=outcome.channel,
        error=outcome.error,
        message_id=message_id,
        warning=outcome.warning,
        messages=1 if outcome.delivered else 0,
    )


def primary_channel(settings: AlertSettings) -> str:
    """Return where the email goes: ``smtp`` when a server is configured, else ``outbox``."""
    return "smtp" if settings.smtp_host else "outbox"


def _claim_batches(conn: duckdb.DuckDBPyConnection) -> list[_Batch]:
    """Mark the alerts due as ``sending`` under their batch's Message-ID; return the batches."""
    due = _select_alerts(
        conn, "WHERE status IN ('pending', 'sending') ORDER BY created_at, alert_id"
    )
    earlier: dict[str, list[AlertRow]] = {}
    fresh: list[AlertRow] = []
    for alert in due:
        if alert.message_id:
            earlier.setdefault(alert.message_id, []).append(alert)
        else:
            fresh.append(alert)
    batches = [_Batch(mid, tuple(rows)) for mid, rows in sorted(earlier.items())]
    if fresh:
        batches.append(_Batch(batch_message_id([a.alert_id for a in fresh]), tuple(fresh)))
    for batch in batches:
        condition, keys = in_keys("alert_id", [a.alert_id for a in batch.alerts], first=2)
        conn.execute(
            "UPDATE alerts SET status = 'sending', message_id = $1, attempts = attempts + 1"
            f" WHERE {condition}",
            [batch.message_id, *keys],
        )
    return batches


def _record_outcome(
    conn: duckdb.DuckDBPyConnection,
    batch: _Batch,
    outcome: _Outcome,
    now: datetime,
    run_id: str | None,
) -> None:
    ids = [a.alert_id for a in batch.alerts]
    if outcome.delivered:
        condition, keys = in_keys("alert_id", ids, first=5)
        conn.execute(
            "UPDATE alerts SET status = 'sent', sent_at = $1, channel = $2, last_error = $3"
            f" WHERE message_id = $4 AND {condition}",
            [now, outcome.channel, outcome.warning, batch.message_id, *keys],
        )
    else:
        condition, keys = in_keys("alert_id", ids, first=3)
        conn.execute(
            "UPDATE alerts SET status = 'pending', last_error = $1"
            f" WHERE message_id = $2 AND {condition}",
            [outcome.error, batch.message_id, *keys],
        )
    problem = outcome.error or outcome.warning
    if run_id and problem:
        reason = "delivery_failed" if outcome.error else "delivery_warning"
        record_failures(conn, run_id, [FailureRecord(
            stage="alert", reason=reason, detail=f"{batch.message_id}: {problem}",
            transient=outcome.transient,
        )])


def _deliver(
    alerts: Sequence[AlertRow],
    settings: AlertSettings,
    message_id: str,
    now: datetime,
    *,
    resent: bool = False,
) -> _Outcome:
    message = build_alert_email(alerts, settings, message_id, now=now, resent=resent)
    channel = primary_channel(settings)
    warnings: list[str] = []
    if settings.smtp_host:
        failure = send_smtp(message, settings)
        if failure.error:
            return _Outcome(False, channel, error=failure.error, transient=failure.transient)
        if failure.warning:
            warnings.append(failure.warning)
        handed_over = True
    else:
        try:
            handed_over = write_outbox(message, settings.outbox, message_id)
        except OSError as exc:
            error = f"outbox {settings.outbox}: {exc.strerror or exc}"
            return _Outcome(False, channel, error=error)
    if settings.apprise_urls and handed_over:
        problem = notify_apprise(settings.apprise_urls, str(message["Subject"]),
                                 alert_text(alerts))
        if problem:
            warnings.append(problem)
        else:
            channel += "+apprise"
    return _Outcome(True, channel, warning="; ".join(warnings) or None)


# --- channels -----------------------------------------------------------------------------

@dataclass(frozen=True)
class SmtpResult:
    """What the SMTP server said: an error (not delivered) or a warning (delivered)."""

    error: str | None = None
    warning: str | None = None
    transient: bool = False


def send_smtp(message: EmailMessage, settings: AlertSettings) -> SmtpResult:
    """Hand ``message`` to the configured SMTP server; never raises on a server problem."""
    host, port = settings.smtp_host or "", settings.smtp_port
    where = f"smtp {host}:{port}"
    recipients = [addr for _, addr in getaddresses(list(settings.to)) if addr]
    if not recipients:
        return SmtpResult(error=f"{where}: alerts.to names no recipient")
    context = ssl.create_default_context()
    client: smtplib.SMTP | None = None
    try:
        if settings.smtp_security == "tls":
            client = smtplib.SMTP_SSL(host, port, timeout=settings.smtp_timeout, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=settings.smtp_timeout)
        client.ehlo()
        if settings.smtp_security == "starttls":
            client.starttls(context=context)
            client.ehlo()
        if settings.smtp_user:
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            client.login(settings.smtp_user, password)
        refused = client.send_message(
            message, from_addr=parseaddr(settings.sender)[1] or settings.sender,
            to_addrs=recipients,
        )
    except smtplib.SMTPResponseException as exc:
        transient = 400 <= exc.smtp_code < 500
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(
            exc.smtp_error, bytes) else str(exc.smtp_error)
        return SmtpResult(error=f"{where}: {exc.smtp_code} {_one_line(text)}",
                          transient=transient)
    except smtplib.SMTPRecipientsRefused as exc:
        return SmtpResult(error=f"{where}: every recipient refused: "
                          f"{', '.join(sorted(exc.recipients))}")
    except (smtplib.SMTPServerDisconnected, TimeoutError, ConnectionError) as exc:
        return SmtpResult(error=f"{where}: {type(exc).__name__}: {_one_line(str(exc))}",
                          transient=True)
    except (smtplib.SMTPException, ssl.SSLError) as exc:
        return SmtpResult(error=f"{where}: {type(exc).__name__}: {_one_line(str(exc))}")
    except OSError as exc:  # DNS failure, unreachable network: worth another try
        return SmtpResult(error=f"{where}: {type(exc).__name__}: {_one_line(str(exc))}",
                          transient=True)
    finally:
        if client is not None:
            _close_quietly(client)
    if refused:
        return SmtpResult(warning=f"{where}: recipients refused: {', '.join(sorted(refused))}")
    return SmtpResult()


def _close_quietly(client: smtplib.SMTP) -> None:
    # The message is already accepted (or already failed); a QUIT that fails changes neither.
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def write_outbox(message: EmailMessage, outbox: Path, message_id: str) -> bool:
    """Write ``message`` to ``outbox`` as ``<Message-ID>.eml``; return False if already there.

    The file appears whole or not at all (temporary file, then rename), so an existing file
    means the message was delivered.
    """
    target = outbox / outbox_file_name(message_id)
    if target.exists():
        return False
    outbox.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=outbox, prefix=".tmp-", suffix=".eml")
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(message.as_bytes(policy=SMTP))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def notify_apprise(urls: Sequence[str], title: str, body: str) -> str | None:
    """Notify the Apprise channels; return a problem description, or None when all went out.

    The URLs carry tokens, so problems name a URL by its position, never by its text.
    """
    import apprise  # deferred: only a configured chat channel pays for importing it

    notifier = apprise.Apprise()
    problems = []
    for position, url in enumerate(urls, start=1):
        if not notifier.add(url):
            problems.append(f"apprise URL #{position} not understood")
    if len(notifier):
        try:
            delivered = bool(notifier.notify(body=body, title=title))
        except Exception as exc:  # a plugin bug must not undo an email already sent
            problems.append(f"apprise failed: {type(exc).__name__}")
        else:
            if not delivered:
                problems.append("apprise: a channel did not accept the notification")
    return "; ".join(problems) or None


# --- the message --------------------------------------------------------------------------

def build_alert_email(
    alerts: Sequence[AlertRow],
    settings: AlertSettings,
    message_id: str,
    *,
    now: datetime | None = None,
    resent: bool = False,
) -> EmailMessage:
    """Return one email (plain text + HTML) listing every alert in ``alerts``, grouped."""
    now = now or utcnow()
    message = EmailMessage(policy=SMTP)
    message["Subject"] = ("[resent] " if resent else "") + alert_subject(alerts)
    message["From"] = _one_line(settings.sender)
    message["To"] = ", ".join(_one_line(address) for address in settings.to)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = _one_line(message_id)
    message["X-Iswatch-Alerts"] = _header_text(" ".join(a.alert_id for a in alerts), 900)
    message.set_content(alert_text(alerts))
    message.add_alternative(alert_html(alerts), subtype="html")
    return message


def alert_subject(alerts: Sequence[AlertRow]) -> str:
    """Return the subject line: what is new, named when it fits."""
    regions = [a for a in alerts if a.kind == "new_region"]
    demands = [a for a in alerts if a.kind == "new_demand"]
    health = [a for a in alerts if a.kind == HEALTH_KIND]
    if health and not regions and not demands:
        return _header_text(f"iswatch: pipeline health — {alert_headline(health[0])}"
                            + (f" (+{len(health) - 1} more)" if len(health) > 1 else ""),
                            _SUBJECT_LIMIT)
    if len(alerts) == 1:
        what = "new demanded region" if regions else "new demand"
        return _header_text(f"iswatch: {what} — {alert_headline(alerts[0])}", _SUBJECT_LIMIT)
    counts = []
    if regions:
        counts.append(_plural(len(regions), "new demanded region", "new demanded regions"))
    if demands:
        counts.append(_plural(len(demands), "new demand", "new demands"))
    subject = "iswatch: " + ", ".join(counts)
    named = f"{subject} — {'; '.join(alert_headline(a) for a in _ordered(alerts))}"
    return _header_text(named if len(_one_line(named)) <= _SUBJECT_LIMIT else subject,
                        _SUBJECT_LIMIT)


def alert_headline(alert: AlertRow) -> str:
    """Return what an alert is about, e.g. "Dnipropetrovsk (UA-12)" or "Russia (RU): sanctions
    relief"."""
    if alert.kind == "new_region":
        return region_label(alert.region_code, alert.region_name)
    if alert.kind == HEALTH_KIND:
        return _one_line(alert.article_title or "pipeline problem")
    return f"{actor_label(alert.actor)}: {demand_label(alert.demand_type)}"


def region_label(code: str | None, name: str | None) -> str:
    code = _one_line(code or "?")
    name = _one_line(name or "")
    return f"{name} ({code})" if name and name != code else code


def actor_label(actor: str | None) -> str:
    if not actor:
        return "unknown actor"
    actor = _one_line(actor)
    name = ACTOR_NAMES.get(actor)
    return f"{name} ({actor})" if name and name != actor else actor


def demand_label(demand_type: str | None) -> str:
    return _one_line(demand_type or "unspecified").replace("_", " ")


def _ordered(alerts: Sequence[AlertRow]) -> list[AlertRow]:
    rank = {"new_region": 0, "new_demand": 1}
    return sorted(alerts, key=lambda a: (rank.get(a.kind, 2), a.created_at is None,
                                         a.created_at or 0, a.alert_id))


def _sections(alerts: Sequence[AlertRow]) -> list[tuple[str, list[AlertRow]]]:
    ordered = _ordered(alerts)
    sections = [
        ("New demanded regions", [a for a in ordered if a.kind == "new_region"]),
        ("New demands", [a for a in ordered if a.kind == "new_demand"]),
        ("Pipeline health", [a for a in ordered if a.kind == HEALTH_KIND]),
    ]
    return [(title, items) for title, items in sections if items]


def _evidence_label(alert: AlertRow) -> str:
    if alert.kind == HEALTH_KIND:
        return "what the pass saw"
    if alert.isw_attributed:
        return "attributed to ISW"
    return "not itself attributed to ISW; the article reports ISW statements"


def _source_line(alert: AlertRow) -> str:
    parts = [_one_line(p) for p in (alert.outlet, alert.article_published) if p]
    return ", ".join(parts) or "source unknown"


def _item_subline(alert: AlertRow) -> str:
    if alert.kind == "new_region":
        return f"{demand_label(alert.demand_type)} demand by {actor_label(alert.actor)}"
    if alert.kind == HEALTH_KIND:
        return "the watch itself needs attention"
    return "first time this actor makes this kind of demand"


def alert_text(alerts: Sequence[AlertRow]) -> str:
    """Return the plain-text body listing the alerts."""
    lines = ["iswatch found something not seen before in the monitored news.", ""]
    for title, items in _sections(alerts):
        lines += [title, "-" * len(title), ""]
        for alert in items:
            lines += [
                f"* {alert_headline(alert)}",
                f"  {_item_subline(alert)}",
                f"  Evidence ({_evidence_label(alert)}):",
                f"    \"{_one_line(alert.sentence or '')}\"",
                f"  Article: {_one_line(alert.article_title or '(untitled)')}",
                f"  Link:    {_one_line(alert.article_url or '(no link)')}",
                f"  Source:  {_source_line(alert)}",
                f"  Alert:   {alert.alert_id}",
                "",
            ]
    lines += ["--", "Sent by iswatch. Resend one alert: iswatch alerts resend ALERT_ID"]
    return "\n".join(lines) + "\n"


def alert_html(alerts: Sequence[AlertRow]) -> str:
    """Return the HTML body listing the alerts; every value from an article is escaped."""
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8"><title>iswatch alert</title></head>',
        '<body style="font-family: sans-serif; line-height: 1.4">',
        "<p>iswatch found something not seen before in the monitored news.</p>",
    ]
    for title, items in _sections(alerts):
        parts.append(f"<h2>{e(title)}</h2>")
        for alert in items:
            parts += [
                '<div style="margin-bottom: 1.2em">',
                f"<h3 style=\"margin-bottom: 0.2em\">{e(alert_headline(alert))}</h3>",
                f"<div>{e(_item_subline(alert))}</div>",
                f"<div>Evidence ({e(_evidence_label(alert))}):</div>",
                f"<blockquote>{e(_one_line(alert.sentence or ''))}</blockquote>",
                f"<div>Article: {_link(alert.article_url, alert.article_title)}</div>",
                f"<div>Source: {e(_source_line(alert))}</div>",
                f"<div style=\"color: #666\">Alert: <code>{e(alert.alert_id)}</code></div>",
                "</div>",
            ]
    parts += [
        "<hr><p style=\"color: #666\">Sent by iswatch. Resend one alert: "
        "<code>iswatch alerts resend ALERT_ID</code></p>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _link(url: str | None, title: str | None) -> str:
    label = html.escape(_one_line(title or url or "(untitled)"))
    url = _one_line(url or "")
    # Only web links become clickable: a feed could carry javascript: or data: URLs.
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}">{label}</a> ({html.escape(url)})'
    return label + (f" ({html.escape(url)})" if url else "")


# --- text hygiene -------------------------------------------------------------------------

def _one_line(text: str) -> str:
    """Return ``text`` on one line: control characters and line breaks become single spaces."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _header_text(text: str, limit: int) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


# --- listing ------------------------------------------------------------------------------

def format_alert_table(rows: Sequence[AlertRow]) -> str:
    """Return ``rows`` as a fixed-width table for the terminal (``iswatch alerts list``)."""
    if not rows:
        return "no alerts"
    header = ("ALERT", "STATUS", "TRIES", "CREATED", "SENT", "WHAT", "ARTICLE", "LAST ERROR")
    table = [header]
    for row in rows:
        table.append((
            _header_text(row.alert_id, 60),
            row.status,
            str(row.attempts or 0),
            _when(row.created_at),
            _when(row.sent_at) if row.status == "sent" else "-",
            _header_text(alert_headline(row), 40),
            _header_text(row.article_title or "-", 50),
            _header_text(row.last_error or "-", 60),
        ))
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
             .rstrip() for line in table]
    return "\n".join(lines)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"
