"""kg.cachefile: what one run keeps for the next reads back whole, or as nothing."""
from __future__ import annotations

from kg import cachefile

MARK = b"govkg-test\0"


def test_a_kept_value_reads_back(tmp_path):
    path = tmp_path / "deep" / "x.marshal"
    cachefile.keep(path, MARK, ("苏坡街道\n苏坡", b"\x01\x02", {"a": (1, 2)}))
    assert cachefile.load(path, MARK) == ("苏坡街道\n苏坡", b"\x01\x02", {"a": (1, 2)})
    assert [p.name for p in path.parent.iterdir()] == ["x.marshal"]     # no temporary left


def test_a_damaged_missing_or_foreign_file_reads_as_nothing(tmp_path):
    path = tmp_path / "x.marshal"
    assert cachefile.load(path, MARK) is None
    cachefile.keep(path, MARK, list(range(100)))
    assert cachefile.load(path, b"govkg-other\0") is None
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    assert cachefile.load(path, MARK) is None
    path.write_bytes(MARK[:4])
    assert cachefile.load(path, MARK) is None


def test_a_folder_in_the_way_of_the_file_is_no_error(tmp_path):
    # as a read-only home would, but also as root (which writes anywhere): the cache
    # folder's place is taken by a plain file, so nothing can be written under it
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    cachefile.keep(blocker / "x.marshal", MARK, 1)
    assert cachefile.load(blocker / "x.marshal", MARK) is None


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path / "mine"))
    assert cachefile.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("GOVKG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cachefile.cache_dir() == tmp_path / "xdg" / "govkg"
