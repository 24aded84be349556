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
    # 昌邑市's programme counts for 潍坊市, which the article never names (the gazetteer's
    # lineage, from the wheel's jionlp data)
    rows = kg("query", "programmes-by-city", "-g", "out", "-f", "csv").splitlines()
    assert {"成都市,警令APP", "潍坊市,织网扎根"} <= set(rows)


def test_make_install_reinstalls_only_when_pyproject_changes(tmp_path):
    """`make run` / `make test` install through a stamp that depends on pyproject.toml: a
    second run installs nothing, an edited pyproject.toml installs again. (A stand-in pip
    records the calls.)"""
    import shutil
    import time
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    log = tmp_path / "pip.log"
    (bin_dir / "python").write_text("#!/bin/sh\n", encoding="utf-8")
    (bin_dir / "pip").write_text(f'#!/bin/sh\necho "$@" >> {log}\n', encoding="utf-8")
    for tool in ("python", "pip"):
        (bin_dir / tool).chmod(0o755)

    def make() -> list[str]:
        subprocess.run(["make", "-s", "install"], cwd=tmp_path, check=True, capture_output=True)
        return log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    assert make() == ["install --quiet -e .[test]"]
    assert make() == ["install --quiet -e .[test]"]           # nothing changed: no install
    later = time.time() + 10                                  # edited after the install
    os.utime(tmp_path / "pyproject.toml", (later, later))
    assert make() == ["install --quiet -e .[test]"] * 2
