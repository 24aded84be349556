"""The wheel carries everything `kg` reads: code, lexicons, explorer assets, ontology, queries."""
from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_folder_of_the_package_is_listed():
    """pyproject.toml lists the packages by name (the ontology and queries are mapped in from
    the top of the project): a new sub-package must be added there or the wheel lacks it."""
    folders = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kg").rglob("*")
               if p.is_file() and "__pycache__" not in p.parts}
    assert folders <= set(CONFIG["packages"]), folders - set(CONFIG["packages"])
    assert CONFIG["package-dir"] == {"kg.ontology": "ontology", "kg.queries": "queries"}


def test_every_data_file_is_package_data():
    patterns = CONFIG["package-data"]
    for package in CONFIG["packages"]:
        folder = ROOT / CONFIG["package-dir"].get(package, package.replace(".", "/"))
        data = {p.name for p in folder.iterdir() if p.is_file() and p.suffix != ".py"}
        covered = {p.name for pattern in patterns.get(package, []) for p in folder.glob(pattern)}
        assert data <= covered, (package, data - covered)


@pytest.mark.slow
def test_the_wheel_installs_a_working_kg(tmp_path):
    """Build the wheel, install it alone into a folder, and run `kg` from there, away from
    the project: the ontology (--validate), the saved queries and the explorer assets come
    from the wheel."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(tmp_path / "dist"), str(ROOT)], check=True, capture_output=True)
    [wheel] = (tmp_path / "dist").glob("govkg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"kg/ontology/govkg.ttl", "kg/ontology/shapes.ttl", "kg/queries/shared-programmes.rq",
            "kg/lexicons/surnames.txt", "kg/html/explorer.js"} <= names
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
                    str(site), str(wheel)], check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(site)}
    work = tmp_path / "work"
    work.mkdir()

    def kg(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "kg", *args], cwd=work, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout
    where = subprocess.run([sys.executable, "-c", "import kg; print(kg.__file__)"], cwd=work,
                           env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(site))
    assert kg("--version").startswith("kg (govkg) ")
    assert "shared-programmes" in kg("query", "--list")
    corpus = work / "corpus"
    corpus.mkdir()
    text = (ROOT / "data" / "corpus" / "000_74abfd0e8a4106d5.txt").read_text(encoding="utf-8")
    (corpus / "000_74abfd0e8a4106d5.txt").write_text(text, encoding="utf-8")
    kg("build", "corpus", "-o", "out", "--validate", "-q")
    assert (work / "out" / "graph.html").stat().st_size > 10_000
    assert "成都市     警令APP" in kg("query", "programmes-by-city", "-g", "out")
