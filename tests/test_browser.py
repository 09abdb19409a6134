"""The report in a real browser: headless Chromium opens it offline and shows its text.
Skipped where Chromium is not installed (``.ci/run`` installs Debian's)."""

import shutil
import subprocess

import pytest

from analysis.presenting.report import build_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


@pytest.fixture(scope="module")
def report_page(tmp_path_factory, seed_path):
    return build_report(seed_path, tmp_path_factory.mktemp("report"), timeout=300)


def _chromium(*args, timeout=120):
    # No network: the page must hold everything it shows.
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]
    return subprocess.run([*base, *args], capture_output=True, text=True, timeout=timeout)


def test_the_report_renders_offline_with_its_findings_and_charts(report_page, tmp_path):
    dom = _chromium("--dump-dom", report_page.as_uri())
    assert dom.returncode == 0, dom.stderr[-1000:]
    assert "North Korean troops in Ukraine" in dom.stdout
    assert "How far to trust these labels" in dom.stdout
    assert dom.stdout.count("<img") >= 3  # the charts, embedded
    shot = tmp_path / "page.png"
    taken = _chromium("--hide-scrollbars", "--window-size=1200,1600", f"--screenshot={shot}", report_page.as_uri())
    assert taken.returncode == 0 and shot.stat().st_size > 20_000


def test_the_worksheet_form_saves_answers_that_grade(tmp_path):
    """Fill the worksheet in headless Chromium, press its Save button, and grade the file
    it saves: the page's own script (allowed by its hash) builds the answers."""
    import base64
    import hashlib
    import html
    import json
    import re

    from analysis.classroom.build import build_exercise
    from analysis.classroom.grade import grade_class

    from .conftest import HTML_PAGE

    build_exercise(HTML_PAGE, tmp_path / "ex", progress=lambda line: None)
    key = json.loads((tmp_path / "ex" / "teacher" / "key.json").read_text(encoding="utf-8"))
    first = key["cards"][0]["answers"]
    # The test's own script fills the form, catches the saved file and presses Save.
    fill = f"""(function () {{
  var form = document.getElementById("worksheet");
  form.elements["who:name"].value = "Dee";
  form.querySelector({json.dumps(f"input[name='card:1:status'][value='{first['status']['best']}']")}).checked = true;
  form.querySelector({json.dumps(f"input[name='card:1:source_type'][value='{first['source_type']['best']}']")}).checked = true;
  form.elements["card:1:source"].value = {json.dumps(first["source"]["forms"][-1])};
  form.elements["card:1:cues"].value = {json.dumps("; ".join(first["cues"]["words"]) if first["cues"] else "")};
  form.elements["q:stop-1"].value = "I had not heard of the bridge.";
  URL.createObjectURL = function (blob) {{
    blob.text().then(function (text) {{
      var pre = document.createElement("pre"); pre.id = "captured"; pre.textContent = text; document.body.appendChild(pre);
    }});
    return "about:blank";
  }};
  HTMLAnchorElement.prototype.click = function () {{}};
  document.getElementById("save").click();
}})();"""
    digest = base64.b64encode(hashlib.sha256(fill.encode()).digest()).decode()
    page = (tmp_path / "ex" / "student" / "worksheet.html").read_text(encoding="utf-8")
    page = page.replace("script-src ", f"script-src 'sha256-{digest}' ").replace("</body>", f"<script>{fill}</script></body>")
    filled = tmp_path / "filled.html"
    filled.write_text(page, encoding="utf-8")
    dom = _chromium("--virtual-time-budget=5000", "--dump-dom", filled.as_uri())
    assert dom.returncode == 0, dom.stderr[-1000:]
    captured = re.search(r'<pre id="captured">(.*?)</pre>', dom.stdout, re.S)
    assert captured, "the Save button did not produce a file"
    saved = tmp_path / "answers-dee.json"
    saved.write_text(html.unescape(captured.group(1)), encoding="utf-8")
    answers = json.loads(saved.read_text(encoding="utf-8"))
    assert answers["name"] == "Dee" and answers["exercise"] == key["exercise"]
    assert "saved" in dom.stdout.lower()  # the page tells the student what it saved
    grade_class([saved], tmp_path / "ex" / "teacher" / "key.json", tmp_path / "fb", progress=lambda line: None)
    import pandas as pd

    marks = pd.read_csv(tmp_path / "fb" / "class.csv", keep_default_na=False)
    card1 = marks[marks["card"] == 1]
    assert set(card1["verdict"]) == {"best"}, card1[["field", "given", "verdict"]]
    assert set(marks[marks["card"] == 2]["verdict"]) == {"missing"}
