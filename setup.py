"""The wheel's package data from outside the package: the notebooks, the seed article and
the benchmark figures the report shows live in the checkout's ``notebooks/``, ``seeds/``
and ``benchmarks/results.json``; building copies them into ``analysis/_data/`` so an
installed wheel runs without the checkout (an editable install reads the checkout's own
folders, see ``analysis.config``). Everything else is declared in ``pyproject.toml``."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: What the package needs at run time from the checkout: (source, glob, folder in ``analysis/_data``).
PACKAGE_DATA_FROM_CHECKOUT = (("notebooks", "*.ipynb", "notebooks"), ("seeds", "*.txt", "seeds"), ("benchmarks", "results.json", "."))


class BuildWithCheckoutData(build_py):
    """setuptools' build_py, then the checkout's notebooks, seeds and figures copied in."""

    def run(self):
        super().run()
        if self.editable_mode:
            return  # an editable install reads the checkout's folders where they are
        target = Path(self.build_lib) / "analysis" / "_data"
        for folder, pattern, inside in PACKAGE_DATA_FROM_CHECKOUT:
            for path in sorted((HERE / folder).glob(pattern)):
                (target / inside).mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target / inside / path.name)


setup(cmdclass={"build_py": BuildWithCheckoutData})
