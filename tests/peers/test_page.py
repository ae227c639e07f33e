"""The page of `govkg serve` in headless Chromium: an example query runs, its results show as a
table, and a click on the first entity draws its relationship diagram. The screenshot is kept
($GOVKG_ARTIFACTS, default the target folder's peers/) for a person to look at."""

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from conftest import ROOT

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1400,1000",
    # Virtual time: the page's fetches finish before the DOM is dumped or the shot taken.
    "--virtual-time-budget=15000",
]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    raise AssertionError("chromium is not installed (.ci/setup installs it)")


def run_chromium(url, *extra):
    profile = tempfile.mkdtemp(prefix="govkg-chromium-")
    try:
        return subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, url],
            capture_output=True, text=True, timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def test_example_query_shows_a_table_and_a_diagram(govkg_server):
    url = govkg_server + "/?example=0&click=first"
    dom = run_chromium(url, "--dump-dom").stdout
    table = re.search(r'<table id="result-table">.*?</table>', dom, re.S)
    assert table, dom[-3000:]
    rows = re.findall(r"<tr>.*?</tr>", table.group(0), re.S)
    assert len(rows) == 3, rows  # header and two meetings
    assert "林武" in table.group(0) and "韦韬" in table.group(0)
    diagram = re.search(r'<div id="diagram">(.*?)</div>', dom, re.S)
    assert diagram and "<svg" in diagram.group(1), dom[-3000:]
    # The first row's chair, drawn with what he chaired.
    assert "主持" in diagram.group(1) and "<title>" in diagram.group(1)

    out = Path(os.environ.get("GOVKG_ARTIFACTS") or Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "peers")
    out.mkdir(parents=True, exist_ok=True)
    shot = out / "page.png"
    if shot.exists():
        shot.unlink()
    run_chromium(url, f"--screenshot={shot}")
    assert shot.exists() and shot.stat().st_size > 20000, shot
    print(f"screenshot: {shot}")
