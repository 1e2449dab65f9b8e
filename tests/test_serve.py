"""`kopick-quiz serve`: the command it gives each browser, its refusals, and the app in a real
Chromium (the page loads, the join screen takes a name and a code, a question shows, an answer
gets its feedback and lands in the teacher's results)."""

from __future__ import annotations

import base64
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import run

from kopick_quiz.cli import build_parser
from kopick_quiz.serve import public_url, served_command


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KOPICK_QUIZ_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def kopick(home: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KOPICK_QUIZ_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "kopick_quiz", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def new_class(home: Path, *extra: str) -> str:
    done = kopick(
        home,
        "class",
        "new",
        "Week 3",
        "--pack",
        "contemporary",
        "--count",
        "3",
        "--seed",
        "5",
        "--json",
        *extra,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["code"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the command line a browser's app process gets ----------------------------------------------------


def test_each_browser_gets_the_servers_own_command_line_quoted(tmp_path):
    hostile = tmp_path / "facts; rm -rf ~ $(touch x).yaml"
    args = build_parser().parse_args(["--facts", str(hostile), "serve", "--class", "KXP4TM"])
    command = served_command(args, str(tmp_path / "my data"))
    argv = shlex.split(command)
    assert argv[:3] == [sys.executable, "-m", "kopick_quiz"]
    assert argv[argv.index("--facts") + 1] == str(hostile.resolve())
    assert argv[argv.index("--data-dir") + 1] == str(tmp_path / "my data")
    assert argv[-3:] == ["served", "--class", "KXP4TM"]


def test_serve_listens_on_this_machine_only_unless_told(tmp_path):
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.class_code) == ("127.0.0.1", 8000, None)
    assert public_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert public_url("0.0.0.0", 8080) == f"http://{socket.gethostname()}:8080"  # an address students can use


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_a_bad_port_is_a_usage_error(port):
    code, _, err = run("serve", "--port", port)
    assert code == 2 and "--port" in err


def test_serving_a_wrong_or_closed_class_is_refused_in_one_sentence(home):
    code, _, err = run("serve", "--class", "ZZZZZZ")
    assert code == 1
    assert (
        err == "kopick-quiz: there is no class with the code ZZZZZZ; check the code your teacher gave you\n"
    )
    klass = new_class(home)
    assert run("class", "close", klass)[0] == 0
    code, _, err = run("serve", "--class", klass)
    assert (
        code == 1 and err == f"kopick-quiz: the class {klass} (Week 3) is closed: it takes no more answers\n"
    )


def test_a_port_in_use_is_said_plainly():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run("serve", "--port", str(port))
    assert code == 1 and err == f"kopick-quiz: port {port} is already in use; choose another with --port\n"


# -- a real browser ---------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


def _browser_missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    if CHROMIUM is None or DRIVER is None:
        return "Chromium or its driver is missing (apt-get install chromium chromium-driver)"
    return None


@pytest.fixture
def browser_reason() -> None:
    reason = _browser_missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)


@pytest.fixture
def server(home: Path, browser_reason: None) -> Iterator[tuple[str, Path, str]]:
    """`kopick-quiz serve` on a free port of this machine, with a class made for it."""
    code = new_class(home)
    port = free_port()
    env = {**os.environ, "KOPICK_QUIZ_HOME": str(home)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kopick_quiz", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("Serving kopick-quiz"), line
        assert f"http://127.0.0.1:{port}" in line
        yield f"http://127.0.0.1:{port}/", home, code
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the server and every app process it started
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


class Page:
    """Chromium on the served page; what the app draws is read from the websocket's frames."""

    def __init__(self, url: str) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service

        options = Options()
        options.binary_location = CHROMIUM
        for flag in (
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1100,800",
        ):  # fmt: skip
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(DRIVER), options=options)
        self.frames: list[str] = []
        self.driver.get(url)

    def screen(self) -> str:
        """Everything the app has drawn so far, escape sequences taken out."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.webSocketFrameReceived":
                frame = message["params"]["response"]
                if frame["opcode"] == 2:
                    self.frames.append(base64.b64decode(frame["payloadData"]).decode("utf-8", "replace"))
        return ANSI.sub("", "".join(self.frames))

    def wait_for(self, text: str, *, after: int = 0, timeout: float = 30) -> int:
        """Wait until the app draws `text` (after `after` characters); returns where the screen is now."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            drawn = self.screen()
            if text in drawn[after:]:
                return len(drawn)
            time.sleep(0.1)
        shot = Path(os.environ.get("KOPICK_QUIZ_SHOTS", "/tmp")) / "kopick-serve-failure.png"
        self.driver.save_screenshot(str(shot))
        raise AssertionError(
            f"{text!r} never appeared (screenshot: {shot}); the last of the screen:\n{self.screen()[-1500:]}"
        )

    def type(self, text: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, "textarea.xterm-helper-textarea").send_keys(text)

    def close(self) -> None:
        self.driver.quit()


@pytest.mark.browser
def test_a_student_joins_in_a_browser_and_an_answer_gets_feedback(server, tmp_path):
    url, data, code = server
    page = Page(url)
    try:
        page.wait_for("Your name, as your teacher should see it")
        page.wait_for("Class code")
        page.type("Jun Seo\n")
        time.sleep(0.5)  # as a person would: keys typed in the same instant as Enter stay in the field
        page.type(code.lower() + "\n")
        at = page.wait_for("Question 1 of 3")
        page.wait_for("Your rejoin key is")
        page.type("Shaw Brothers\n")
        page.wait_for("Not quite", after=at)  # the feedback on a wrong answer (any question of the class)
        page.wait_for("Question 2 of 3", after=at)
        page.driver.save_screenshot(str(tmp_path / "served.png"))
    finally:
        page.close()
    done = kopick(data, "results", "--class", code, "--csv")
    assert done.returncode == 0, done.stderr
    rows = done.stdout.splitlines()
    assert len(rows) == 2 and rows[1].startswith("Jun Seo,") and ",Shaw Brothers,incorrect," in rows[1]


@pytest.mark.browser
def test_a_wrong_code_in_a_browser_is_said_plainly(server):
    url, _, _ = server
    page = Page(url)
    try:
        page.wait_for("Class code")
        page.type("Mina\n")
        time.sleep(0.5)
        page.type("NOPE99\n")
        page.wait_for("There is no class with the code NOPE99")
    finally:
        page.close()
