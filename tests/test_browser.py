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
