"""The package as a user installs it: a wheel, outside the checkout, with its notebooks,
seed article, lexicons, template and trust figures inside it."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtual environment outside the checkout holding only the built wheel;
    the dependencies come from this environment's site-packages (a ``.pth`` line), not
    from the checkout."""
    work = tmp_path_factory.mktemp("wheel")
    # Built from a copy: setuptools reuses a checkout's build/ folder, so files since
    # moved out of the package would ride along, and the checkout stays unwritten.
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "dist", "output", "*.egg-info",
                                                                "__pycache__", ".pytest_cache", ".hypothesis", ".cache"))  # fmt: skip
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation", "-w", str(work / "dist")],
        capture_output=True, text=True, cwd=work,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = (work / "dist").glob("*.whl")
    env_dir = work / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())  # fmt: skip
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(purelib)
    # Dependencies: this interpreter's site-packages, appended after the wheel's own.
    (purelib / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python, work


def _run(python, *args, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANALYSIS_")}
    # The dependencies' data files (nbconvert's base templates) are where they were
    # installed, beside this interpreter's site-packages.
    env["JUPYTER_PATH"] = str(Path(sysconfig.get_paths()["data"]) / "share" / "jupyter")
    return subprocess.run([str(python), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=600)


def test_the_wheel_holds_the_package_data(installed):
    python, work = installed
    (wheel,) = (work / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("analysis/_data/seeds/000_d9c7288233712f85.txt", "analysis/_data/notebooks/01_article_at_a_glance.ipynb",
                   "analysis/_data/results.json", "analysis/lexicons/hedges.csv", "analysis/templates/offline/index.html.j2",
                   "analysis/models/attribution.crfsuite", "analysis/models/claim_matcher.json"):
        assert needed in names, needed  # fmt: skip
    assert "analysis/architecture.py" not in names  # the layering check is test tooling
    assert "analysis/lexicons/first_names.csv" in names


def test_tables_and_report_run_outside_the_checkout(installed, tmp_path):
    python, _ = installed
    where = _run(python, "-c", "import analysis; print(analysis.__file__)", cwd=tmp_path)
    assert str(ROOT) not in where.stdout and "site-packages" in where.stdout, where
    tables = _run(python, "-m", "analysis", "tables", "--format", "json", cwd=tmp_path)
    assert tables.returncode == 0, tables.stderr[-2000:]
    assert len(json.loads(tables.stdout)["paragraphs"]) == 26
    report = _run(python, "-m", "analysis", "report", cwd=tmp_path)
    assert report.returncode == 0, report.stderr[-2000:]
    page = tmp_path / "output" / "000_d9c7288233712f85" / "report.html"
    text = page.read_text(encoding="utf-8")
    assert "How far to trust these labels" in text
    assert "How sure a claim is (status)" in text and "not measured" not in text  # the shipped figures were read
