"""The generated pattern functions' code, kept between runs: the same matches from a cold
cache, a warm one, a broken one and none at all."""
from __future__ import annotations

import itertools
import marshal
import os
import subprocess
import sys

import pytest

from kg.doc import Doc, make_sent
from kg.model import Article
from kg.rules import codecache, engine, ruleset
from kg.rules.codecache import CodeCache
from kg.rules.engine import Context, compile_pattern
from kg.rules.lexicon import build_lexicon

LEX = build_lexicon({"BODY": {"words": ["公安局", "派出所"], "split": True}})
PATTERN = [{"TEXT": {"IN": ["县", "市"]}, "NAME": "level"}, {"LEX": "BODY", "NAME": "body"}]
TEXT = "县公安局和市派出所联合开展行动"


@pytest.fixture
def cache(monkeypatch, tmp_path) -> CodeCache:
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path / "cache"))
    fresh = CodeCache()
    monkeypatch.setattr(codecache, "CODES", fresh)
    monkeypatch.setattr("kg.rules.codegen.CODES", fresh)
    return fresh


def found(monkeypatch) -> list[tuple[str, str]]:
    """The pattern's matches, compiled afresh as a new run would (its constants named alike)."""
    monkeypatch.setattr(engine, "_NAMES", itertools.count(10**6))
    monkeypatch.setattr(engine, "_UNITS", {})
    sent = make_sent(0, TEXT, LEX)
    ctx = Context(Doc(Article("t.txt", 0, ""), {0: sent}), sent, LEX)
    return [(m.text("level"), m.text("body")) for m in compile_pattern(PATTERN, LEX).find(ctx)]


def test_code_compiled_once_is_read_back_and_matches_the_same(cache, monkeypatch):
    assert found(monkeypatch) == [("县", "公安局"), ("市", "派出所")]
    assert cache.new > 0 and not codecache.path().exists()
    cache.save()
    assert codecache.path().exists() and cache.new == 0
    warm = CodeCache()                       # the next run: every function read, none compiled
    monkeypatch.setattr("kg.rules.codegen.CODES", warm)
    compiled = []
    monkeypatch.setattr(codecache, "compile", lambda *a: compiled.append(a), raising=False)
    assert found(monkeypatch) == [("县", "公安局"), ("市", "派出所")]
    assert warm.new == 0 and compiled == [] and warm.codes


def test_a_broken_or_unwritable_cache_is_no_error(cache, monkeypatch, tmp_path):
    path = codecache.path()
    path.parent.mkdir(parents=True)
    body = marshal.dumps({b"k" * 16: compile("x = 1", "<t>", "exec")})
    path.write_bytes(codecache._MAGIC + b"\0\0\0\0" + body)        # a checksum that fails
    assert found(monkeypatch) == [("县", "公安局"), ("市", "派出所")] and cache.new > 0
    cache.save()                             # written whole again, with a sound checksum
    assert codecache._read(path) and b"k" * 16 not in codecache._read(path)
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(blocked / "cache"))
    other = CodeCache()
    monkeypatch.setattr("kg.rules.codegen.CODES", other)
    assert found(monkeypatch) == [("县", "公安局"), ("市", "派出所")]
    other.save()                             # cannot be written: nothing raised, nothing left
    assert other.new == 0 and blocked.read_text() == "not a directory"


def test_the_file_keeps_the_newest_functions_and_those_this_run_used(cache, monkeypatch):
    path = codecache.path()
    path.parent.mkdir(parents=True)
    old = {bytes([i]) * 16: compile(f"x = {i}", "<t>", "exec") for i in range(5)}
    codecache.cachefile.keep(path, codecache._MAGIC, old)
    monkeypatch.setattr(codecache, "_MOST", 4)
    cache.compile("y = 1", "<t>")
    assert cache.new == 2                    # compiled, and the file read holds too many
    cache.save()
    kept = codecache._read(path)
    assert len(kept) == 4 and list(kept)[-1] == next(iter(cache.used))  # this run's, last
    assert list(kept)[:3] == list(old)[-3:]                             # the oldest dropped
    again = CodeCache()
    again.compile("y = 1", "<t>")
    assert again.new == 0                    # read back, not compiled; the file small enough


def test_a_build_writes_the_file_once_after_its_last_rule_file(cache, monkeypatch):
    writes = []
    keep = codecache.cachefile.keep
    monkeypatch.setattr(codecache.cachefile, "keep",
                        lambda *a: a[1] == codecache._MAGIC and writes.append(a[0]) or keep(*a))
    monkeypatch.setattr(ruleset, "CODES", cache)
    monkeypatch.setattr(ruleset, "_COMPILED", set())
    ruleset.rules.cache_clear()
    try:
        last, *others = sorted(ruleset._RULE_FILES)
        for component in others:
            ruleset.rules(component)
        assert writes == [] and cache.new > 0           # compiled, not yet written
        ruleset.rules(last)
        assert writes == [codecache.path()] and cache.new == 0
        assert set(cache.used) <= set(codecache._read(codecache.path()))
    finally:
        ruleset.rules.cache_clear()                     # (the next test's rule sets: the run's)


def test_code_compiled_by_a_run_that_ends_early_is_kept_at_exit(tmp_path):
    env = {**os.environ, "GOVKG_CACHE_DIR": str(tmp_path)}
    script = ("from kg.rules.codecache import CODES, path\n"
              "CODES.compile('x = 1', '<t>')\n"
              "assert not path().exists()\n")
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    [code] = codecache._read(tmp_path / codecache._NAME).values()
    namespace = {}
    exec(code, namespace)                                # noqa: S102
    assert namespace["x"] == 1
