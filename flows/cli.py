"""The ``iswatch`` command line.

Prefect is imported only by the commands that run flows, so ``iswatch extract`` and
``iswatch sql`` start fast. Exit status: 0 done, 1 the command failed, 2 bad configuration or
usage, 3 another pass is running.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from flows.settings import ConfigError, Settings, load_settings

EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_BUSY = 0, 1, 2, 3
# Lines of ``iswatch extract --jsonl`` analysed together (``extractors.analysis.analyse_articles``).
EXTRACT_BATCH = 50


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.config)


# --- run ----------------------------------------------------------------------------------

def cmd_run(args: argparse.Namespace) -> int:
    """Run one pass and print its summary."""
    settings = _settings(args)
    from flows.monitor import PassAlreadyRunning, run_pass

    try:
        summary = run_pass(settings, trigger="run")
    except PassAlreadyRunning as exc:
        print(f"iswatch: pass not started: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except Exception as exc:  # the pass itself could not run: say why, end red
        print(f"iswatch: pass failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(format_summary(summary, settings))
    return EXIT_OK


def format_summary(summary: Any, settings: Settings) -> str:
    c = summary.counts
    lines = [f"iswatch pass {summary.run_id} completed — warehouse {settings.warehouse.path}"]
    seeds = summary.seeds
    if seeds.articles:
        lines.append(
            f"  seeds loaded as baseline: {seeds.articles} articles, {seeds.statements} ISW "
            f"statements, {seeds.region_mentions} region mentions, {seeds.demands} demands"
        )
    lines.append(
        f"  feeds: {c['feeds_polled']} polled, {c['feeds_failed']} failed, "
        f"{c['feeds_not_modified']} unchanged"
    )
    for feed in summary.feeds:
        if feed.status in ("transient", "terminal"):
            flag = (f" — failing {feed.consecutive_failures} passes in a row"
                    if feed.feed_id in summary.flagged_feeds else "")
            what = "unreachable" if feed.status == "transient" else "failed"
            lines.append(f"    ✗ {feed.feed_id}: {what}, {feed.reason} ({feed.detail}){flag}")
    lines.append(
        f"  articles: {c['articles_new']} new, {c['articles_failed']} failed "
        f"({c['entries_seen']} feed entries seen, {c['pages_extracted']} pages extracted)"
    )
    lines.append(
        f"  extracted: {c['statements']} ISW statements, {c['region_mentions']} region "
        f"mentions, {c['demands']} demands"
    )
    delivery = summary.delivery
    sent = f", {delivery.sent} sent via {delivery.channel}" if delivery else ""
    lines.append(f"  alerts: {c['alerts_created']} new{sent}")
    if delivery and delivery.error:
        lines.append(f"    ✗ delivery failed, {delivery.pending} pending: {delivery.error}")
    return "\n".join(lines)


# --- extract ------------------------------------------------------------------------------

def cmd_extract(args: argparse.Namespace) -> int:
    """Print the statements, regions and demands of articles; never touches the warehouse."""
    from extractors.analysis import analyse_articles, analysis_as_json, with_headline

    out = sys.stdout

    def article_text(text: object, html: object) -> str:
        if not isinstance(text, str | None) or not isinstance(html, str | bytes | None):
            raise ValueError('"text" and "html" must be strings')
        if text is None and html is not None:
            # trafilatura is loaded only when a page needs it: the scorer sends plain text.
            from extractors.text import extract_article_text

            raw = html.encode("utf-8") if isinstance(html, str) else html
            extracted = extract_article_text(raw)
            text = "" if extracted is None else with_headline(extracted.title, extracted.text)
        return text or ""

    def write(batch: list[tuple[str, str]], indent: int | None = None) -> None:
        analyses = analyse_articles(text for _, text in batch)
        for (item_id, _), analysis in zip(batch, analyses, strict=True):
            result = {"id": item_id, **analysis_as_json(analysis)}
            out.write(json.dumps(result, ensure_ascii=False, indent=indent) + "\n")
        out.flush()
        batch.clear()

    if args.jsonl:
        # Analysed a batch at a time (faster); what was read is written before any error.
        batch: list[tuple[str, str]] = []
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                item_id = item.get("id", str(number))
                batch.append((item_id, article_text(item.get("text"), item.get("html"))))
            except (json.JSONDecodeError, AttributeError) as exc:
                write(batch)
                print(f"iswatch extract: line {number}: not a JSON object: {exc}", file=sys.stderr)
                return EXIT_FAILED
            except ValueError as exc:
                write(batch)
                print(f"iswatch extract: line {number}: {exc}", file=sys.stderr)
                return EXIT_FAILED
            if len(batch) >= args.batch:
                write(batch)
        write(batch)
        return EXIT_OK
    if not args.files:
        print("iswatch extract: give FILE arguments or --jsonl on stdin", file=sys.stderr)
        return EXIT_CONFIG
    for name in args.files:
        path = Path(name)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            print(f"iswatch extract: {name}: {exc.strerror}", file=sys.stderr)
            return EXIT_FAILED
        is_html = path.suffix.lower() in (".html", ".htm") or raw.lstrip()[:1] == b"<"
        text = article_text(None if is_html else raw.decode("utf-8", "replace"),
                            raw if is_html else None)
        write([(name, text)], indent=2)
    return EXIT_OK


# --- sql ----------------------------------------------------------------------------------

def cmd_sql(args: argparse.Namespace) -> int:
    """Run a read-only SQL query against the warehouse."""
    import duckdb

    from warehouse.db import WarehouseBusy, WarehouseError
    from warehouse.queries import run_query

    settings = _settings(args)
    try:
        columns, rows = run_query(settings.warehouse.path, args.query,
                                  settings.warehouse.lock_wait_seconds)
    except WarehouseBusy as exc:
        print(f"iswatch sql: {exc}; try again when the pass has finished writing",
              file=sys.stderr)
        return EXIT_BUSY
    except (duckdb.Error, WarehouseError) as exc:
        print(f"iswatch sql: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(format_rows(columns, rows, args.format))
    return EXIT_OK


def format_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(columns, row, strict=True)) for row in rows],
                          default=str, ensure_ascii=False, indent=2)
    if fmt == "csv":
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join([line, rule, *body, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])


def _cell(value: Any, limit: int = 80) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- status -------------------------------------------------------------------------------

def cmd_status(args: argparse.Namespace) -> int:
    """Show the last pass, feed health and pending alerts."""
    from warehouse.db import WarehouseBusy
    from warehouse.queries import status_report

    settings = _settings(args)
    try:
        print(status_report(settings.warehouse.path, settings.warehouse.lock_wait_seconds,
                            settings.schedule))
    except WarehouseBusy as exc:
        print(f"iswatch status: {exc}", file=sys.stderr)
        return EXIT_BUSY
    return EXIT_OK


# --- backfill and reextract ---------------------------------------------------------------

def _report_job(name: str, report: Any) -> None:
    c = report.counts
    print(f"iswatch {name} {report.run_id} completed: {c['articles_new']} articles loaded, "
          f"{c['articles_failed']} failed, {c['statements']} statements, "
          f"{c['demands']} demands, {c['alerts_created']} new alerts (pending delivery)")


def cmd_backfill(args: argparse.Namespace) -> int:
    """Load a list of article URLs or a folder of saved pages through the pass's path."""
    from flows.maintenance import backfill
    from flows.passes import PassAlreadyRunning

    settings = _settings(args)
    source = Path(args.source)
    if not source.exists():
        print(f"iswatch backfill: {source}: no such file or folder", file=sys.stderr)
        return EXIT_CONFIG
    try:
        _report_job("backfill", backfill(settings, source))
    except PassAlreadyRunning as exc:
        print(f"iswatch backfill: not started: {exc}", file=sys.stderr)
        return EXIT_BUSY
    return EXIT_OK


def cmd_reextract(args: argparse.Namespace) -> int:
    """Re-run the extractors over stored article text after an extractor upgrade."""
    from flows.maintenance import reextract
    from flows.passes import PassAlreadyRunning

    settings = _settings(args)
    try:
        _report_job("reextract", reextract(settings, only_outdated=not args.all))
    except PassAlreadyRunning as exc:
        print(f"iswatch reextract: not started: {exc}", file=sys.stderr)
        return EXIT_BUSY
    return EXIT_OK


# --- alerts and demo ----------------------------------------------------------------------

def cmd_alerts(args: argparse.Namespace) -> int:
    """List the alert ledger, or re-deliver one alert."""
    from flows.alerts import UnknownAlertError, format_alert_table, list_alerts, resend_alert
    from warehouse.db import Warehouse

    settings = _settings(args)
    warehouse = Warehouse(settings.warehouse.path, settings.warehouse.lock_wait_seconds)
    if args.action == "resend":
        if not args.alert_id:
            print("iswatch alerts resend: give the alert id (see `iswatch alerts`)",
                  file=sys.stderr)
            return EXIT_CONFIG
        try:
            report = resend_alert(warehouse, settings.alerts, args.alert_id)
        except UnknownAlertError:
            print(f"iswatch alerts resend: no alert {args.alert_id!r} (see `iswatch alerts`)",
                  file=sys.stderr)
            return EXIT_FAILED
        if report.error:
            print(f"iswatch alerts resend: {report.error}", file=sys.stderr)
            return EXIT_FAILED
        print(f"re-delivered {args.alert_id} via {report.channel} ({report.message_id})")
        return EXIT_OK
    print(format_alert_table(list_alerts(warehouse, status=args.status)))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """Offline tour: a local feed brings a new region and demand; prints the email sent."""
    from flows.demo import run_demo

    return run_demo()


# --- serve --------------------------------------------------------------------------------

def cmd_serve(args: argparse.Namespace) -> int:
    """Run passes on the configured schedule until stopped (Ctrl-C, SIGTERM or --max-passes)."""
    settings = _settings(args)
    from flows.serve import LocalServerError, serve_monitor

    try:
        return serve_monitor(settings, args.config, max_passes=args.max_passes)
    except LocalServerError as exc:
        print(f"iswatch serve: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


# --- parser -------------------------------------------------------------------------------

COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {
    "run": (cmd_run, "run one pass: seeds, feeds, articles, extraction, warehouse, alerts"),
    "extract": (cmd_extract, "print statements, regions and demands of articles (no warehouse)"),
    "sql": (cmd_sql, "run a read-only SQL query against the warehouse"),
    "backfill": (cmd_backfill, "load a file of article URLs or a folder of saved pages"),
    "reextract": (cmd_reextract, "re-run the extractors over stored articles after an upgrade"),
    "status": (cmd_status, "show the last pass, feed health and pending alerts"),
    "alerts": (cmd_alerts, "list the alert ledger or re-deliver one alert"),
    "serve": (cmd_serve, "run passes on the configured schedule until stopped; starts a local "
              "Prefect server unless PREFECT_API_URL is set"),
    "demo": (cmd_demo, "offline tour: a local feed brings news, the alert email is printed"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iswatch",
        description="Watch news reports of ISW assessments for new Kremlin demands and regions.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="PATH",
                        help="config file (default: $ISWATCH_CONFIG or ./iswatch.toml)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    parsers = {name: sub.add_parser(name, parents=[common], help=help_, description=help_)
               for name, (_, help_) in COMMANDS.items()}
    parsers["extract"].add_argument("files", nargs="*", metavar="FILE",
                                    help="text or HTML files to analyse")
    parsers["extract"].add_argument("--jsonl", action="store_true",
                                    help='read {"id","text"|"html"} JSON Lines on stdin')
    parsers["extract"].add_argument("--batch", type=_positive_int, default=EXTRACT_BATCH,
                                    metavar="N",
                                    help="with --jsonl, analyse and write N lines at a time "
                                         f"(default {EXTRACT_BATCH}; 1 answers each line as it "
                                         "comes)")
    parsers["backfill"].add_argument("source", metavar="URLS_FILE|HTML_DIR",
                                     help="text file with one URL per line, or a folder of pages")
    parsers["reextract"].add_argument("--all", action="store_true",
                                      help="also articles already at the current version")
    parsers["sql"].add_argument("query", help="SQL (read-only)")
    parsers["sql"].add_argument("--format", choices=("table", "csv", "json"), default="table")
    parsers["alerts"].add_argument("action", nargs="?", choices=("list", "resend"),
                                   default="list")
    parsers["alerts"].add_argument("alert_id", nargs="?", metavar="ID")
    parsers["alerts"].add_argument("--status", choices=("pending", "sending", "sent"))
    parsers["serve"].add_argument("--max-passes", type=_positive_int, metavar="N",
                                  help="stop after N finished passes (default: until stopped)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = COMMANDS[args.command][0]
    try:
        return handler(args)
    except ConfigError as exc:
        print(f"iswatch: config error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
