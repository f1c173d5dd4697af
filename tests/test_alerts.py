"""Alert delivery against a real SMTP server (aiosmtpd on 127.0.0.1) and a real DuckDB file.

Alerts are made the way a pass makes them: hand-built article analyses go through
``warehouse.load.load_articles``, so these tests do not depend on the extractor's accuracy.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from pydantic import SecretStr

from extractors.analysis import ArticleAnalysis, Demand, Statement
from flows import alerts
from flows.alerts import (
    batch_message_id,
    build_alert_email,
    deliver_pending_alerts,
    format_alert_table,
    list_alerts,
    resend_alert,
)
from flows.settings import AlertSettings
from warehouse.db import Warehouse
from warehouse.load import ArticleRecord, load_articles
from warehouse.novelty import NoveltyPolicy, region_name

PROJECT_ROOT = Path(__file__).resolve().parent.parent

REGION_SENTENCE = (
    "ISW assessed that the Kremlin is now demanding that Ukraine cede Dnipropetrovsk Oblast "
    "as a condition for any settlement."
)
SANCTIONS_SENTENCE = (
    "Russian negotiators also insisted that Western sanctions be lifted before any ceasefire."
)
ARTICLE_URL = "https://news.example.test/2025/06/kremlin-dnipropetrovsk-isw"


# --- a real SMTP server -------------------------------------------------------------------

@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class RecordingHandler:
    """Keeps every message the server accepts."""

    received: list[ReceivedMail] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd API)
        message = message_from_bytes(envelope.content, policy=default)
        self.received.append(ReceivedMail(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    handler: RecordingHandler
    port: int

    def mail_to(self, address: str) -> list[EmailMessage]:
        """Messages delivered to ``address`` (each test has its own recipient)."""
        return [m.message for m in self.handler.received if address in m.rcpt_tos]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpServer]:
    handler = RecordingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer(handler, port)
    finally:
        controller.stop()


@pytest.fixture()
def recipient() -> str:
    return f"analyst-{uuid.uuid4().hex[:8]}@example.test"


@pytest.fixture()
def smtp_settings(smtp_server: SmtpServer, recipient: str, tmp_path: Path) -> AlertSettings:
    return AlertSettings.model_validate({
        "smtp_host": "127.0.0.1", "smtp_port": smtp_server.port, "smtp_security": "none",
        "smtp_timeout": 5, "from": "iswatch <iswatch@example.test>", "to": [recipient],
        "outbox": str(tmp_path / "outbox"),
    })


@pytest.fixture()
def outbox_settings(tmp_path: Path) -> AlertSettings:
    return AlertSettings.model_validate({"outbox": str(tmp_path / "outbox")})


@pytest.fixture()
def warehouse(tmp_path: Path) -> Warehouse:
    return Warehouse(tmp_path / "iswatch.duckdb", lock_wait_seconds=5)


# --- alerts made the way a pass makes them ------------------------------------------------

def statement(text: str, index: int = 0) -> Statement:
    return Statement(text=text, kind="paraphrase", quote=None, cue="ISW assessed",
                     sentence_index=index)


def demand(actor: str, demand_type: str, regions: tuple[str, ...], sentence: str,
           index: int = 0, isw: bool = True) -> Demand:
    return Demand(actor=actor, demand_type=demand_type, regions=regions, sentence=sentence,
                  sentence_index=index, isw_attributed=isw)


def article(slug: str, demands: tuple[Demand, ...], *, title: str = "Kremlin widens demands",
            url: str | None = None, is_seed: bool = False) -> ArticleRecord:
    return ArticleRecord(
        article_id=f"article-{slug}",
        url=url or f"https://news.example.test/{slug}",
        outlet="Example News",
        title=title,
        published_at="2025-06-02",
        text=" ".join(d.sentence for d in demands),
        text_source="seed" if is_seed else "page",
        is_seed=is_seed,
        analysis=ArticleAnalysis(
            statements=(statement(demands[0].sentence),) if demands else (),
            demands=demands,
        ),
    )


BASELINE = article("seed", (
    demand("RU", "territorial", ("UA-09", "UA-14", "UA-23", "UA-65"),
           "Russia demands full control over Luhansk, Donetsk, Zaporizhzhia and Kherson."),
    demand("RU", "territorial", ("UA-63", "UA-59"),
           "The Russian delegation threatened to expand claims to Kharkiv and Sumy.", 2),
    demand("US", "ceasefire_first", (), "The US insists a ceasefire must precede talks.", 1),
), is_seed=True)

NEWS = article("dnipro", (
    demand("RU", "territorial", ("UA-12",), REGION_SENTENCE),
    demand("RU", "sanctions_relief", (), SANCTIONS_SENTENCE, 1, isw=False),
), title="Kremlin adds Dnipropetrovsk to its demands, ISW says", url=ARTICLE_URL)


def load(warehouse: Warehouse, *records: ArticleRecord, run_id: str = "run-1") -> int:
    """Load ``records`` as one pass chunk; return the alerts created."""
    with warehouse.writing() as conn:
        return load_articles(conn, run_id, list(records), NoveltyPolicy()).alerts_created


def seeded(warehouse: Warehouse, *news: ArticleRecord) -> Warehouse:
    with warehouse.writing() as conn:
        load_articles(conn, "run-0", [BASELINE], NoveltyPolicy(baseline=True))
    for record in news:
        load(warehouse, record)
    return warehouse


def rows_by_id(warehouse: Warehouse) -> dict[str, alerts.AlertRow]:
    return {row.alert_id: row for row in list_alerts(warehouse)}


def parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",))
    rich = message.get_body(preferencelist=("html",))
    assert text is not None and rich is not None
    return text.get_content(), rich.get_content()


# --- the message --------------------------------------------------------------------------

def test_one_email_lists_new_region_and_demand_with_evidence(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str
) -> None:
    seeded(warehouse, NEWS)

    report = deliver_pending_alerts(warehouse, smtp_settings)

    assert (report.sent, report.pending, report.error, report.channel) == (2, 0, None, "smtp")
    [message] = smtp_server.mail_to(recipient)
    region = f"{region_name('UA-12')} (UA-12)"
    assert message["Subject"] == (
        f"iswatch: 1 new demanded region, 1 new demand — {region}; Russia (RU): sanctions relief"
    )
    assert message["Message-ID"] == report.message_id == batch_message_id(
        ["new_region:UA-12", "new_demand:RU/sanctions_relief"])
    assert message["Date"] and message["From"] == "iswatch <iswatch@example.test>"
    assert message.get_content_type() == "multipart/alternative"
    text, rich = parts(message)
    for body in (text, rich):
        assert region in body
        assert "Russia (RU): sanctions relief" in body
        assert REGION_SENTENCE in body and SANCTIONS_SENTENCE in body
        assert ARTICLE_URL in body
        assert "Kremlin adds Dnipropetrovsk to its demands, ISW says" in body
        assert "Example News, 2025-06-02" in body
    assert text.index("New demanded regions") < text.index(REGION_SENTENCE) \
        < text.index("New demands") < text.index(SANCTIONS_SENTENCE)
    assert "Evidence (attributed to ISW)" in text
    assert "Evidence (not itself attributed to ISW; the article reports ISW statements)" in text
    assert f'<a href="{ARTICLE_URL}">' in rich
    rows = rows_by_id(warehouse)
    assert {r.status for r in rows.values()} == {"sent"}
    assert {r.message_id for r in rows.values()} == {report.message_id}
    assert all(r.attempts == 1 and r.channel == "smtp" and r.sent_at for r in rows.values())
    assert rows["new_region:UA-12"].region_name == region_name("UA-12")


def test_a_single_new_region_is_named_in_the_subject(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str
) -> None:
    seeded(warehouse, article("one", (demand("RU", "territorial", ("UA-12",), REGION_SENTENCE),)))

    deliver_pending_alerts(warehouse, smtp_settings)

    [message] = smtp_server.mail_to(recipient)
    assert message["Subject"] == f"iswatch: new demanded region — {region_name('UA-12')} (UA-12)"


def test_a_hostile_title_stays_out_of_headers_and_is_escaped(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str
) -> None:
    hostile = 'Evil\r\nBcc: victim@example.test\n<script>alert("x")</script> & <b>bold</b>'
    sentence = 'Russia demands <img src=x onerror=alert(1)> "neutrality" & more.'
    seeded(warehouse, article(
        "hostile", (demand("RU", "neutrality", (), sentence),), title=hostile,
        url='javascript:alert("pwned")',
    ))

    report = deliver_pending_alerts(warehouse, smtp_settings)

    assert report.error is None
    [message] = smtp_server.mail_to(recipient)
    assert message["Bcc"] is None
    for name, value in message.items():
        assert "\r" not in value and "\n" not in value, name
    assert [m for m in smtp_server.handler.received if "victim@example.test" in m.rcpt_tos] == []
    text, rich = parts(message)
    assert "<script>" not in rich and "<img" not in rich and "<b>bold" not in rich
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold" in rich
    assert "&lt;img src=x onerror=alert(1)&gt;" in rich
    assert 'href="javascript' not in rich
    assert "Evil Bcc: victim@example.test <script>" in text


def test_building_the_email_needs_no_warehouse() -> None:
    row = alerts.AlertRow(
        alert_id="new_demand:RU/other", kind="new_demand", region_code=None, region_name=None,
        actor="RU", demand_type="other", sentence="Line one\nline two", isw_attributed=True,
        article_id="a", article_title="Title\rwith CR", article_url=None, outlet=None,
        article_published=None, run_id=None, status="pending", attempts=0, last_error=None,
        message_id=None, channel=None, created_at=None, sent_at=None,
    )
    message = build_alert_email([row], AlertSettings(), "<iswatch-x@iswatch>")
    assert message["Subject"] == "iswatch: new demand — Russia (RU): other"
    assert message["Message-ID"] == "<iswatch-x@iswatch>"
    text, _ = parts(message)
    assert '"Line one line two"' in text and "Title with CR" in text


# --- exactly once -------------------------------------------------------------------------

def test_repeated_deliveries_send_one_message(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str
) -> None:
    seeded(warehouse, NEWS)

    first = deliver_pending_alerts(warehouse, smtp_settings)
    again = [deliver_pending_alerts(warehouse, smtp_settings) for _ in range(2)]

    assert first.sent == 2
    assert [(r.sent, r.pending, r.message_id, r.error) for r in again] == [(0, 0, None, None)] * 2
    assert len(smtp_server.mail_to(recipient)) == 1
    assert {r.attempts for r in list_alerts(warehouse)} == {1}


def test_smtp_down_keeps_alerts_pending_until_it_is_back(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str
) -> None:
    seeded(warehouse, NEWS)
    closed_port = free_port()
    down = smtp_settings.model_copy(update={"smtp_port": closed_port})

    failed = deliver_pending_alerts(warehouse, down, run_id="run-2")

    assert (failed.sent, failed.pending) == (0, 2)
    assert failed.error and f"smtp 127.0.0.1:{closed_port}" in failed.error
    assert "ConnectionRefusedError" in failed.error
    pending = list_alerts(warehouse, status="pending")
    assert len(pending) == 2
    assert all(r.last_error == failed.error and r.attempts == 1 for r in pending)
    assert smtp_server.mail_to(recipient) == []
    with warehouse.reading() as conn:
        logged = conn.execute("SELECT stage, reason, transient FROM failures").fetchall()
    assert logged == [("alert", "delivery_failed", True)]

    delivered = deliver_pending_alerts(warehouse, smtp_settings)
    deliver_pending_alerts(warehouse, smtp_settings)

    assert (delivered.sent, delivered.pending, delivered.error) == (2, 0, None)
    [message] = smtp_server.mail_to(recipient)
    # The retry is the same message as the failed attempt, so a delivery that the server did
    # take before the connection broke is not seen twice.
    assert message["Message-ID"] == failed.message_id == delivered.message_id
    rows = list_alerts(warehouse)
    assert all(r.status == "sent" and r.attempts == 2 and r.last_error is None for r in rows)


CRASHING_DELIVERY = """
import os, sys
from flows import alerts
from flows.settings import AlertSettings
from warehouse.db import Warehouse

def die(*args, **kwargs):
    os._exit(17)  # the process dies after the 'sending' commit, before anything is delivered

alerts._deliver = die
settings = AlertSettings.model_validate(
    {"smtp_host": "127.0.0.1", "smtp_port": int(sys.argv[2]), "smtp_security": "none",
     "to": [sys.argv[3]]})
alerts.deliver_pending_alerts(Warehouse(sys.argv[1]), settings)
"""


def test_a_pass_killed_after_claiming_loses_nothing_and_sends_once(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str
) -> None:
    seeded(warehouse, NEWS)

    crashed = subprocess.run(
        [sys.executable, "-c", CRASHING_DELIVERY, str(warehouse.path), str(smtp_server.port),
         recipient],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
    )

    assert crashed.returncode == 17, crashed.stderr
    claimed = list_alerts(warehouse)
    assert {r.status for r in claimed} == {"sending"}
    [claimed_id] = {r.message_id for r in claimed}
    assert smtp_server.mail_to(recipient) == []

    report = deliver_pending_alerts(warehouse, smtp_settings)
    deliver_pending_alerts(warehouse, smtp_settings)

    assert (report.sent, report.pending, report.message_id) == (2, 0, claimed_id)
    [message] = smtp_server.mail_to(recipient)
    assert message["Message-ID"] == claimed_id
    assert all(r.status == "sent" and r.attempts == 2 for r in list_alerts(warehouse))


def test_a_crash_after_handing_over_repeats_the_same_message_id(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str
) -> None:
    """Died after the server took the message, before ``sent`` was recorded: the re-delivery
    carries the same Message-ID, which the recipient's mail client drops as a duplicate."""
    seeded(warehouse, NEWS)
    with warehouse.writing() as conn:
        [batch] = alerts._claim_batches(conn)
    alerts._deliver(batch.alerts, smtp_settings, batch.message_id, alerts.utcnow())

    deliver_pending_alerts(warehouse, smtp_settings)

    received = smtp_server.mail_to(recipient)
    assert [m["Message-ID"] for m in received] == [batch.message_id] * 2
    assert all(r.status == "sent" for r in list_alerts(warehouse))


def test_new_alerts_after_a_failed_batch_go_out_as_their_own_message(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str
) -> None:
    seeded(warehouse, NEWS)
    down = smtp_settings.model_copy(update={"smtp_port": free_port()})
    failed = deliver_pending_alerts(warehouse, down)
    load(warehouse, article("kursk", (demand("RU", "territorial", ("UA-63", "UA-53"),
                                             "Moscow now also claims Poltava."),)), run_id="r3")

    report = deliver_pending_alerts(warehouse, smtp_settings)

    assert (report.sent, report.messages, report.error) == (3, 2, None)
    received = smtp_server.mail_to(recipient)
    assert [m["Message-ID"] for m in received] == [
        failed.message_id, batch_message_id(["new_region:UA-53"])]
    assert received[1]["Subject"].startswith("iswatch: new demanded region —")
    assert "(UA-53)" in received[1]["Subject"] and "UA-12" not in received[1]["Subject"]


# --- the outbox ---------------------------------------------------------------------------

def test_outbox_gets_one_eml_and_a_repeat_writes_none(
    warehouse: Warehouse, outbox_settings: AlertSettings
) -> None:
    seeded(warehouse, NEWS)

    report = deliver_pending_alerts(warehouse, outbox_settings)
    repeat = deliver_pending_alerts(warehouse, outbox_settings)

    files = sorted(outbox_settings.outbox.iterdir())
    assert [f.name for f in files] == [alerts.outbox_file_name(report.message_id or "")]
    assert (report.sent, report.channel, repeat.sent) == (2, "outbox", 0)
    message = message_from_bytes(files[0].read_bytes(), policy=default)
    assert message["Message-ID"] == report.message_id
    assert "UA-12" in message["Subject"]
    assert all(r.channel == "outbox" and r.status == "sent" for r in list_alerts(warehouse))


def test_outbox_redelivery_after_a_crash_writes_no_second_file(
    warehouse: Warehouse, outbox_settings: AlertSettings
) -> None:
    seeded(warehouse, NEWS)
    with warehouse.writing() as conn:
        [batch] = alerts._claim_batches(conn)
    # Died right after the file was written, before ``sent`` was recorded.
    alerts._deliver(batch.alerts, outbox_settings, batch.message_id, alerts.utcnow())
    written = list(outbox_settings.outbox.iterdir())

    report = deliver_pending_alerts(warehouse, outbox_settings)

    assert report.sent == 2 and report.message_id == batch.message_id
    assert list(outbox_settings.outbox.iterdir()) == written and len(written) == 1
    assert all(r.status == "sent" for r in list_alerts(warehouse))


def test_unwritable_outbox_is_reported_and_alerts_stay_pending(
    warehouse: Warehouse, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the outbox should be")
    settings = AlertSettings.model_validate({"outbox": str(blocker)})
    seeded(warehouse, NEWS)

    report = deliver_pending_alerts(warehouse, settings)

    assert report.sent == 0 and report.pending == 2 and report.error
    assert report.error.startswith(f"outbox {blocker}")
    assert {r.status for r in list_alerts(warehouse)} == {"pending"}


# --- novelty feeds delivery ---------------------------------------------------------------

def test_a_known_demand_raises_no_new_alert(warehouse: Warehouse) -> None:
    seeded(warehouse, NEWS)
    assert len(list_alerts(warehouse)) == 2

    again = load(warehouse, NEWS, run_id="run-2")
    same_demand_elsewhere = load(warehouse, article("elsewhere", (
        demand("RU", "sanctions_relief", (), "Moscow wants the asset freeze lifted."),
        demand("RU", "territorial", ("UA-12", "UA-09"), "Russia claims Dnipropetrovsk too."),
    )), run_id="run-3")
    baseline_only = load(warehouse, article("baseline", (
        demand("US", "ceasefire_first", (), "Washington wants a truce first."),)), run_id="run-4")

    assert (again, same_demand_elsewhere, baseline_only) == (0, 0, 0)
    assert sorted(rows_by_id(warehouse)) == ["new_demand:RU/sanctions_relief",
                                              "new_region:UA-12"]


# --- resend, listing, Apprise --------------------------------------------------------------

def test_resend_delivers_one_alert_again_under_a_new_message_id(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str
) -> None:
    seeded(warehouse, NEWS)
    first = deliver_pending_alerts(warehouse, smtp_settings)
    before = rows_by_id(warehouse)["new_region:UA-12"]

    report = resend_alert(warehouse, smtp_settings, "new_region:UA-12")

    assert (report.sent, report.error) == (1, None)
    original, resent = smtp_server.mail_to(recipient)
    assert resent["Message-ID"] == report.message_id != first.message_id
    assert resent["Subject"].startswith("[resent] iswatch: new demanded region")
    assert SANCTIONS_SENTENCE not in parts(resent)[0]
    after = rows_by_id(warehouse)["new_region:UA-12"]
    assert after.attempts == before.attempts + 1 and after.sent_at > before.sent_at
    assert after.message_id == report.message_id
    with pytest.raises(alerts.UnknownAlertError):
        resend_alert(warehouse, smtp_settings, "new_region:XX-00")


def test_alert_table_lists_status_and_errors(
    warehouse: Warehouse, smtp_settings: AlertSettings
) -> None:
    assert format_alert_table(list_alerts(warehouse)) == "no alerts"
    seeded(warehouse, NEWS)
    deliver_pending_alerts(warehouse, smtp_settings.model_copy(update={"smtp_port": free_port()}))

    table = format_alert_table(list_alerts(warehouse, status="pending")).splitlines()

    assert table[0].split()[:5] == ["ALERT", "STATUS", "TRIES", "CREATED", "SENT"]
    assert len(table) == 3
    assert any("new_region:UA-12" in line and "pending" in line and "UA-12" in line
               and "ConnectionRefusedError" in line for line in table[1:])
    with pytest.raises(ValueError):
        list_alerts(warehouse, status="lost")


class _HookHandler(BaseHTTPRequestHandler):
    posts: list[dict[str, object]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server API)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).posts.append(json.loads(body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def webhook() -> Iterator[tuple[int, list[dict[str, object]]]]:
    _HookHandler.posts = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HookHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], _HookHandler.posts
    finally:
        server.shutdown()
        server.server_close()


def test_apprise_is_notified_too_and_its_failure_is_not_fatal(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str,
    webhook: tuple[int, list[dict[str, object]]],
) -> None:
    port, posts = webhook
    working = smtp_settings.model_copy(update={"apprise_urls": (f"json://127.0.0.1:{port}/",)})
    seeded(warehouse, NEWS)

    report = deliver_pending_alerts(warehouse, working)

    assert (report.sent, report.channel, report.error, report.warning) == (
        2, "smtp+apprise", None, None)
    [post] = posts
    assert "UA-12" in str(post["title"]) and SANCTIONS_SENTENCE in str(post["message"])

    broken = smtp_settings.model_copy(update={"apprise_urls": (
        f"json://127.0.0.1:{free_port()}/", "no-such-scheme://secret-token")})
    load(warehouse, article("later", (demand("RU", "demilitarization", (), "Cap the army."),)),
         run_id="run-2")

    report = deliver_pending_alerts(warehouse, broken)

    assert (report.sent, report.error, report.channel) == (1, None, "smtp")
    assert report.warning and "apprise URL #2 not understood" in report.warning
    assert "secret-token" not in report.warning
    assert len(smtp_server.mail_to(recipient)) == 2
    later = rows_by_id(warehouse)["new_demand:RU/demilitarization"]
    assert later.status == "sent" and later.last_error == report.warning


# --- transport security and login ---------------------------------------------------------

def test_tls_or_starttls_against_a_plain_server_fail_cleanly(
    warehouse: Warehouse, smtp_settings: AlertSettings, smtp_server: SmtpServer, recipient: str
) -> None:
    seeded(warehouse, NEWS)

    implicit = deliver_pending_alerts(
        warehouse, smtp_settings.model_copy(update={"smtp_security": "tls"}))
    starttls = deliver_pending_alerts(
        warehouse, smtp_settings.model_copy(update={"smtp_security": "starttls"}))

    assert implicit.sent == 0 and implicit.error and "SSL" in implicit.error
    assert starttls.sent == 0 and starttls.error and "STARTTLS" in starttls.error
    assert smtp_server.mail_to(recipient) == []
    assert all(r.status == "pending" and r.attempts == 2 for r in list_alerts(warehouse))


PASSWORD = "correct horse battery staple"


def _check_login(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok)


@pytest.fixture()
def auth_smtp_server() -> Iterator[SmtpServer]:
    handler = RecordingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port,
                            authenticator=_check_login, auth_require_tls=False)
    controller.start()
    try:
        yield SmtpServer(handler, port)
    finally:
        controller.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_login_uses_the_password_and_never_reports_it(
    warehouse: Warehouse, smtp_settings: AlertSettings, auth_smtp_server: SmtpServer,
    recipient: str,
) -> None:
    seeded(warehouse, NEWS)
    base = {"smtp_port": auth_smtp_server.port, "smtp_user": "iswatch"}
    # aiosmtpd 1.4 leaves a refused AUTH unanswered, so the refusal shows up as a timeout.
    wrong = smtp_settings.model_copy(
        update={**base, "smtp_password": SecretStr("guess"), "smtp_timeout": 1})
    right = smtp_settings.model_copy(update={**base, "smtp_password": SecretStr(PASSWORD)})

    refused = deliver_pending_alerts(warehouse, wrong)

    assert refused.sent == 0 and refused.error
    assert "guess" not in refused.error
    assert {r.status for r in list_alerts(warehouse)} == {"pending"}

    accepted = deliver_pending_alerts(warehouse, right)

    assert (accepted.sent, accepted.error) == (2, None)
    assert len(auth_smtp_server.mail_to(recipient)) == 1
    assert all(PASSWORD not in (r.last_error or "") for r in list_alerts(warehouse))
