"""The report in a real browser: headless Chromium loads the page from a local file over the
DevTools protocol, reports no console errors, exceptions or failed loads, shows every image,
and takes a screenshot (a non-empty PNG under the test's tmp dir)."""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO
from test_package_install import taalwerk_console

websocket = pytest.importorskip("websocket", reason="the DevTools client needs websocket-client (pip install websocket-client)")

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
IMAGE_CHECK = """JSON.stringify(Array.from(document.images).map(image => ({
    complete: image.complete, width: image.naturalWidth, alt: image.alt })))"""


def browser_program() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium installed (Debian package 'chromium'; scripts/install.sh installs it)")


class DevTools:
    """A minimal DevTools-protocol session with one page: commands, and the events seen so far."""

    def __init__(self, url: str):
        self.socket = websocket.create_connection(url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not any(event.get("method") == method for event in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {method} within {timeout} s")
            self.events.append(json.loads(self.socket.recv()))

    def close(self) -> None:
        self.socket.close()


def start_browser(profile: Path) -> tuple[subprocess.Popen, str]:
    """Headless Chromium on a free loopback port; returns the process and the page's socket URL."""
    arguments = [browser_program(), "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                 "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--remote-allow-origins=*",
                 f"--user-data-dir={profile}", "--window-size=1200,900", "about:blank"]
    if os.geteuid() == 0:
        arguments.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 60
    while not (port_file.exists() and port_file.read_text().strip()):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"Chromium did not start (exit code {process.poll()})")
        time.sleep(0.1)
    port = int(port_file.read_text().split()[0])
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as response:
                pages = [t for t in json.load(response) if t.get("type") == "page"]
            if pages:
                return process, pages[0]["webSocketDebuggerUrl"]
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("Chromium's DevTools endpoint did not answer")
        time.sleep(0.2)


def problems_in(events: list[dict]) -> list[str]:
    """Console errors, uncaught exceptions and failed loads among the recorded events."""
    problems = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            problems.append(f"exception: {params.get('exceptionDetails', {}).get('text')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append(f"console.{params['type']}: {[a.get('value') for a in params.get('args', [])]}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            problems.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        elif method == "Network.loadingFailed":
            problems.append(f"load failed: {params.get('errorText')}")
    return problems


def test_report_opens_in_chromium_without_errors_or_missing_images(tmp_path):
    browser_program()
    out = tmp_path / "report"
    result = taalwerk_console("report", REPO / "scenarios" / "sequential.toml", REPO / "scenarios" / "parallel.toml",
                              "--out", out, "--agents", "1000", "--replicates", "3", "--threads", "1", "--quiet")
    assert result.returncode == 0, result.stderr
    page = out / "report.html"
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    process, socket_url = start_browser(profile)
    try:
        tools = DevTools(socket_url)
        for domain in ("Runtime", "Log", "Page", "Network"):
            tools.call(f"{domain}.enable")
        tools.call("Page.navigate", url=page.as_uri())
        tools.wait_for("Page.loadEventFired")
        images = json.loads(tools.call("Runtime.evaluate", expression=IMAGE_CHECK, returnByValue=True)["result"]["value"])
        title = tools.call("Runtime.evaluate", expression="document.title", returnByValue=True)["result"]["value"]
        sections = tools.call("Runtime.evaluate", expression="document.querySelectorAll('section').length",
                              returnByValue=True)["result"]["value"]
        shot = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        tools.call("Runtime.evaluate", expression="1")  # drain events that arrived meanwhile
        tools.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert problems_in(tools.events) == []
    assert "statushouders" in title and sections >= 10
    assert len(images) >= 6
    missing = [image["alt"] for image in images if not image["complete"] or image["width"] == 0]
    assert missing == []
    screenshot = tmp_path / "report-screenshot.png"
    screenshot.write_bytes(base64.b64decode(shot["data"]))
    assert screenshot.stat().st_size > 1000
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
