"""The report in a real browser: headless Chromium opens it offline and shows its text.
Skipped where Chromium is not installed (``.ci/run`` installs Debian's)."""

import base64
import hashlib
import shutil
import subprocess

import pytest

from analysis.presenting.report import build_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")]


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


#: What the report must do in a browser, measured by the page itself: nothing wider than
#: the window, every picture loaded, every folded table able to open, the findings above
#: the fold, and every mark of the annotated article explained in plain words first.
REPORT_CHECKS = r"""(function () {
  var out = {};
  out.overflow = document.documentElement.scrollWidth - window.innerWidth;
  var images = Array.prototype.slice.call(document.images);
  out.images = images.length;
  out.broken = images.filter(function (img) { return !(img.complete && img.naturalWidth > 0); }).length;
  var folds = Array.prototype.slice.call(document.querySelectorAll("details"));
  out.details = folds.length;
  out.closed_after_open = folds.filter(function (d) {
    d.open = true; var inner = d.querySelector("table, p"); return !d.open || !inner || inner.getBoundingClientRect().height === 0;
  }).length;
  out.overflow_open = document.documentElement.scrollWidth - window.innerWidth;
  folds.forEach(function (d) { d.open = false; });
  var heading = Array.prototype.slice.call(document.querySelectorAll("h2")).filter(function (h) {
    return h.textContent.indexOf("What to know about this article") === 0; })[0];
  out.findings_top = heading ? heading.getBoundingClientRect().top + window.scrollY : -1;
  var marks = Array.prototype.slice.call(document.querySelectorAll(".an p span[class^='m-'], .an p span.st"));
  out.marks = marks.length;
  var jargon = /\b[a-z]+_[a-z_]+\b|\brule\b|\bnsubj\b|\bdobj\b|\bccomp\b| > /;
  out.unexplained = marks.filter(function (m) {
    var first = (m.getAttribute("title") || "").split("\n")[0]; return !first || jargon.test(first); }).length;
  var pre = document.createElement("pre"); pre.id = "checks"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();"""


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_the_report_reads_well_in_a_browser(report_page, tmp_path, width, height):
    import html
    import json
    import re

    # The report allows no script: the test's own is let in by its hash, as the worksheet test does.
    digest = base64.b64encode(hashlib.sha256(REPORT_CHECKS.encode()).digest()).decode()
    page = report_page.read_text(encoding="utf-8")
    assert "default-src 'none'" in page and "<script" not in page
    page = page.replace("default-src 'none';", f"default-src 'none'; script-src 'sha256-{digest}';")
    page = page.replace("</body>", f"<script>{REPORT_CHECKS}</script></body>")
    checked = tmp_path / "checked.html"
    checked.write_text(page, encoding="utf-8")
    dom = _chromium("--virtual-time-budget=5000", f"--window-size={width},{height}", "--dump-dom", checked.as_uri())
    assert dom.returncode == 0, dom.stderr[-1000:]
    found = re.search(r'<pre id="checks">(.*?)</pre>', dom.stdout, re.S)
    assert found, "the checks did not run"
    checks = json.loads(html.unescape(found.group(1)))
    assert checks["overflow"] <= 0 and checks["overflow_open"] <= 0, checks  # nothing wider than the window, folded or open
    assert checks["images"] >= 5 and checks["broken"] == 0, checks
    assert checks["details"] >= 8 and checks["closed_after_open"] == 0, checks
    assert checks["marks"] > 100 and checks["unexplained"] == 0, checks
    if width >= 1280:
        assert 0 <= checks["findings_top"] < height, checks  # the findings are above the fold


def test_the_seed_worksheet_prints_on_at_most_seven_a4_pages(seed_path, tmp_path):
    """Print the seed's worksheet to PDF as a teacher would (Chromium, A4): every card and
    task whole, with room to write, in at most seven pages."""
    import re

    from analysis.classroom.build import build_exercise

    build_exercise(seed_path, tmp_path / "ex", progress=lambda line: None)
    pdf = tmp_path / "worksheet.pdf"
    printed = _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", (tmp_path / "ex" / "student" / "worksheet.html").as_uri())
    assert printed.returncode == 0 and pdf.exists(), printed.stderr[-1000:]
    data = pdf.read_bytes()
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", data)
    assert sizes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in sizes)  # A4 in points
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    assert 3 <= pages <= 7, f"{pages} pages"
