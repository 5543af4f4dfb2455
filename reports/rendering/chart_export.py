"""Static SVG for the print pipeline: Plotly figure specifications exported through kaleido.

One browser session (Debian's chromium, found through BROWSER_PATH) exports every chart of a
render; each SVG is cached on disk under a hash of its specification and the export options, so
an unchanged chart is never exported again, by any process (web worker, task worker, CLI).

When the exporter cannot run (no browser, kaleido failing, a timeout) the render goes on: the
chart's entry is None, a warning is logged, and the print template shows its data table instead.
"""

import asyncio
import hashlib
import json
import logging
import os
import queue
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

# The print page's text column is 170 mm wide; 680 px at 96 px per inch is 180 mm, scaled down
# a little by the <img> width so lines stay crisp.
EXPORT_WIDTH = 680
DEFAULT_HEIGHT = 400
# Bump when the post-processing below changes, so stale cache entries are never reused.
CACHE_FORMAT = "1"


@dataclass(frozen=True)
class ChartExport:
    key: str
    spec: dict
    height: int = DEFAULT_HEIGHT


def browser_path() -> str:
    return os.environ.get("BROWSER_PATH") or getattr(settings, "RENDER_BROWSER_PATH", "/usr/bin/chromium")


def cache_dir() -> Path:
    return Path(getattr(settings, "RENDER_CHART_CACHE", settings.BASE_DIR / "var" / "chart-cache"))


def _plotly_js() -> Path:
    return Path(settings.BASE_DIR) / "static" / "vendor" / "plotly" / "plotly.min.js"


def spec_hash(spec: dict, *, height: int = DEFAULT_HEIGHT) -> str:
    payload = json.dumps(
        {"spec": spec, "width": EXPORT_WIDTH, "height": height, "format": CACHE_FORMAT},
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def stable_svg(svg: str) -> str:
    """Rename Plotly's random per-figure ids in order of appearance."""
    names: dict[str, str] = {}

    def rename(match):
        token = match.group(2)
        if token not in names:
            names[token] = f"{len(names):06x}"
        return (match.group(1) or "") + names[token]

    # Only tokens that name an id or a trace class are random; colours and numbers stay.
    random_ids = set(re.findall(r'(?:id="(?:clip|legend|topdefs-|defs-)|class="trace [a-z]+ trace)([0-9a-f]{6})', svg))
    if not random_ids:
        return svg
    pattern = re.compile(
        r"(clip|legend|topdefs-|defs-|trace)(" + "|".join(sorted(random_ids)) + r")(?=[a-z0-9]*[\"#)])"
    )
    return pattern.sub(rename, svg)


class ChartExporter:
    """Exports a batch of charts to SVG text; `export` returns {key: svg or None}."""

    def __init__(self, *, timeout: float = 60):
        self.timeout = timeout
        self.exported = 0  # charts actually sent to the browser in the last batch

    def _cached(self, digest: str) -> str | None:
        path = cache_dir() / f"{digest}.svg"
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def _store(self, digest: str, svg: str) -> None:
        directory = cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        temporary = directory / f".{digest}.{os.getpid()}.tmp"
        temporary.write_text(svg, encoding="utf-8")
        temporary.replace(directory / f"{digest}.svg")  # atomic: a reader never sees half a file

    def export(self, charts: list[ChartExport], *, progress=None) -> dict[str, str | None]:
        results: dict[str, str | None] = {}
        missing: list[tuple[ChartExport, str]] = []
        for chart in charts:
            digest = spec_hash(chart.spec, height=chart.height)
            svg = self._cached(digest)
            if svg is None:
                missing.append((chart, digest))
            results[chart.key] = svg
        done = len(charts) - len(missing)
        if progress:
            progress("charts", done, len(charts))
        self.exported = 0
        if not missing:
            return results

        def exported(chart, digest, svg):
            nonlocal done
            svg = stable_svg(svg)
            self._store(digest, svg)
            results[chart.key] = svg
            self.exported += 1
            done += 1
            if progress:
                progress("charts", done, len(charts))

        try:
            self._run_browser(missing, exported)
        except Exception as error:  # noqa: BLE001 - any exporter failure falls back to data tables
            left = [chart.key for chart, _ in missing if results.get(chart.key) is None]
            logger.warning(
                "Chart export unavailable (%s: %s); %d chart(s) printed as data tables.",
                type(error).__name__,
                error,
                len(left),
            )
        return results

    def _run_browser(self, missing, exported):
        """One browser session for the whole batch; `exported(chart, digest, svg)` after each chart.

        The browser's event loop runs in a thread of its own and hands each SVG back through a
        queue, so `exported` (which may write progress to the database) runs in the caller's thread.
        """
        path = browser_path()
        if not Path(path).exists():
            raise FileNotFoundError(f"no browser at {path} (install Debian's chromium)")
        os.environ.setdefault("BROWSER_PATH", path)
        import kaleido  # imported here: loading it costs time the HTML renders never need

        handed_over: queue.Queue = queue.Queue()
        finished = object()

        async def run():
            async with kaleido.Kaleido(
                n=1, timeout=self.timeout, mathjax=False, plotlyjs=str(_plotly_js()), path=path
            ) as browser:
                for chart, digest in missing:
                    image = await browser.calc_fig(
                        chart.spec, opts={"format": "svg", "width": EXPORT_WIDTH, "height": chart.height}
                    )
                    handed_over.put((chart, digest, image.decode("utf-8")))

        def worker():
            try:
                asyncio.run(run())
                handed_over.put(finished)
            except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
                handed_over.put(error)

        thread = threading.Thread(target=worker, name="chart-export", daemon=True)
        thread.start()
        while True:
            item = handed_over.get()
            if item is finished:
                break
            if isinstance(item, BaseException):
                raise item
            exported(*item)
        thread.join()
