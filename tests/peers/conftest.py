"""Fixtures for the peer tests: the govkg binary, a store built from the seed page, a running
`govkg serve`, and a real external triplestore (oxigraph's server, from PyPI's `oxigraph`).

Servers bind loopback on a port the OS picks, are waited for with retries, and are always
killed at the end of their test.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed_page.txt"


def govkg_bin():
    """The binary under test: $GOVKG_BIN, else the release build in $CARGO_TARGET_DIR."""
    if os.environ.get("GOVKG_BIN"):
        return os.environ["GOVKG_BIN"]
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    return str(Path(target) / "release" / "govkg")


def govkg(*args, check=True):
    """Runs govkg and returns the completed process (text)."""
    proc = subprocess.run(
        [govkg_bin(), *map(str, args)], capture_output=True, text=True, timeout=300
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"govkg {args} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


@pytest.fixture
def workdir():
    d = Path(tempfile.mkdtemp(prefix="govkg-peers-"))
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture
def seed_store(workdir):
    store = workdir / "seed.db"
    govkg("--store", store, "ingest", "--date", "2022-01-05", "-q", SEED)
    return store


def wait_for(url, deadline_s=60.0):
    """Polls url until it answers (any HTTP status), or fails the test."""
    deadline = time.monotonic() + deadline_s
    last = None
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError as e:  # not listening yet
            last = e
            time.sleep(0.2)
    raise AssertionError(f"{url} did not come up: {last}")


class Process:
    """A server process; stop() kills it, and is safe to call twice."""

    def __init__(self, args):
        self.proc = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        self.stderr_lines = []

    def read_line(self, timeout_s=60.0):
        line = [None]

        def read():
            line[0] = self.proc.stderr.readline()

        t = threading.Thread(target=read, daemon=True)
        t.start()
        t.join(timeout_s)
        if line[0] is None:
            raise AssertionError("the server printed nothing")
        return line[0]

    def drain(self):
        def run():
            for l in self.proc.stderr:
                self.stderr_lines.append(l)

        threading.Thread(target=run, daemon=True).start()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)


def start_govkg(store, *args):
    """Starts `govkg serve --port 0` and returns (process, base URL)."""
    p = Process([govkg_bin(), "--store", str(store), "serve", "--port", "0", *map(str, args)])
    try:
        line = p.read_line()
        urls = [w for w in line.split() if w.startswith("http://")]
        assert urls, f"no address in {line!r}"
        base = urls[0].rstrip("/")
        p.drain()
        wait_for(base + "/")
        return p, base
    except BaseException:
        p.stop()
        raise


@pytest.fixture
def govkg_server(seed_store):
    p, base = start_govkg(seed_store)
    yield base
    p.stop()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_server(workdir):
    """A real oxigraph server (PyPI `oxigraph`), its base URL; data in workdir."""
    # pip puts the server beside the interpreter; pyenv's shims may not know it yet.
    beside = Path(sys.executable).parent / "oxigraph"
    exe = shutil.which("oxigraph") or (str(beside) if beside.exists() else None)
    if exe is None:
        raise AssertionError("the oxigraph server is not installed: pip install oxigraph (.ci/setup does)")
    for attempt in range(3):
        port = free_port()
        p = Process([exe, "serve", "--location", str(workdir / f"oxigraph{attempt}"), "--bind", f"127.0.0.1:{port}"])
        try:
            wait_for(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", deadline_s=30)
        except AssertionError:
            p.stop()  # the port was taken meanwhile: another one
            continue
        p.drain()
        yield f"http://127.0.0.1:{port}"
        p.stop()
        return
    raise AssertionError("cannot start the oxigraph server")
