"""Files that are not files: links, devices, FIFOs and sockets, in a folder or named, through `add`.

Inside a folder nothing is followed or opened: links (to a secret file outside, to /dev/zero,
to a folder, in a loop, dangling), FIFOs and sockets are listed as skipped with what they are,
and the batch exits 0. Named on the command line, a link is followed only to a regular file;
everything else is refused, and `add` exits 1 because a path the user asked for was not added.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.hostile.conftest import add, assert_stored_exactly, assert_verify_passes, items, report_line

SECRET = b"root:$6$fictional-hash-standing-in-for-etc-shadow:19000:0:99999:7:::\n"
OUTSIDE_FILE = b"a file in a folder outside the one being added\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder outside the one being added, with a 'secret' standing in for /etc/shadow."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "shadow").write_bytes(SECRET)
    (folder / "private.txt").write_bytes(OUTSIDE_FILE)
    return folder


@pytest.fixture
def unix_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], Path]]:
    """Makes a listening Unix socket at a path (bound by a short relative name: the limit is 108 bytes)."""
    opened: list[socket.socket] = []

    def make(path: Path) -> Path:
        with monkeypatch.context() as patch:
            patch.chdir(path.parent)
            server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            server.bind(path.name)
        opened.append(server)
        return path

    yield make
    for server in opened:
        server.close()


def test_a_folder_of_links_and_special_files(
    tmp_path: Path,
    env: dict[str, str],
    vault: Path,
    outside: Path,
    unix_socket: Callable[[Path], Path],
) -> None:
    phone = tmp_path / "phone"
    (phone / "screens").mkdir(parents=True)
    kept = {"threat.txt": b"I know where you live.\n", "shot.bin": bytes(range(256)) * 4}
    (phone / "threat.txt").write_bytes(kept["threat.txt"])
    (phone / "screens" / "shot.bin").write_bytes(kept["shot.bin"])
    hostile = {
        "shadow": (outside / "shadow", "is a symbolic link to"),
        "zero": (Path("/dev/zero"), "is a symbolic link to"),
        "elsewhere": (outside, "is a symbolic link to"),
        "gone": (outside / "no-such-file", "is a symbolic link to"),
    }
    for name, (target, _what) in hostile.items():
        (phone / name).symlink_to(target)
    (phone / "screens" / "loop-a").symlink_to("loop-b")
    (phone / "screens" / "loop-b").symlink_to("loop-a")
    os.mkfifo(phone / "pipe")
    unix_socket(phone / "sock")

    result = add(vault, [phone], env)

    assert result.returncode == 0, result.stderr  # skipped on purpose is not a failure
    assert len(result.stdout.splitlines()) == 2  # one line per stored item, nothing else
    for name, (target, what) in hostile.items():
        line = report_line(result, phone / name)
        assert f"skipped: {phone / name} {what} {target}; links inside a folder are not followed" in line
    for name, target in (("loop-a", "loop-b"), ("loop-b", "loop-a")):
        line = report_line(result, phone / "screens" / name)
        assert f"is a symbolic link to {target}; links inside a folder are not followed" in line
    assert "is a named pipe (FIFO), not a file; it was not read" in report_line(result, phone / "pipe")
    assert "is a socket, not a file; it was not read" in report_line(result, phone / "sock")
    assert "8 links or special files inside the folders were skipped" in result.stderr

    # Only the two files of the folder are in the vault; nothing was read through a link.
    assert_stored_exactly(vault, env, kept, tmp_path / "extracted")
    assert all(item["size"] < 4096 for item in items(vault, env))  # /dev/zero was never read
    for data in (SECRET, OUTSIDE_FILE):
        assert all(p.read_bytes() != data for p in (tmp_path / "extracted").iterdir())
    assert_verify_passes(vault, env)


def test_a_named_link_to_a_file_stores_the_file_it_leads_to(
    tmp_path: Path, env: dict[str, str], vault: Path, outside: Path
) -> None:
    link = tmp_path / "evidence-link.txt"
    link.symlink_to(outside / "private.txt")
    other = tmp_path / "other.txt"
    other.write_bytes(b"the rest of the batch\n")

    result = add(vault, [link, other], env)

    assert result.returncode == 0, result.stderr
    assert report_line(result, link) == f"  {link}: recognised as file"
    assert f"{link} is a symbolic link; the file it leads to, {outside / 'private.txt'}, was stored." in (
        result.stderr
    )
    assert_stored_exactly(
        vault, env, {"private.txt": OUTSIDE_FILE, "other.txt": b"the rest of the batch\n"}, tmp_path / "out"
    )
    stored = {i["original_name"]: i for i in items(vault, env)}
    assert stored["private.txt"]["original_path"] == str(outside / "private.txt")
    assert_verify_passes(vault, env)


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _link(target: Path | str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.symlink_to(target)
        return path

    return make


def _loop(path: Path) -> Path:
    partner = path.with_name(path.name + "-partner")
    partner.symlink_to(path.name)
    path.symlink_to(partner.name)
    return path


NAMED_REFUSALS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "fifo": (_fifo, "is a named pipe (FIFO), not a file; it was not read"),
    "dangling-link": (_link("/nonexistent/evidence-kit-test"), "which does not exist; nothing was added"),
    "link-loop": (_loop, "is a symbolic link that leads round in a loop"),
    "link-to-folder": (lambda p: _link(p.parent)(p), "is a symbolic link to the folder "),
    "link-to-device": (_link("/dev/zero"), "is a symbolic link to /dev/zero, which is not a regular file"),
    "link-to-fifo": (lambda p: _link(_fifo(p.with_name("real-fifo")))(p), "which is not a regular file"),
}


@pytest.mark.parametrize("kind", sorted(NAMED_REFUSALS))
def test_a_named_path_that_is_not_a_file_is_refused(
    tmp_path: Path, env: dict[str, str], vault: Path, kind: str
) -> None:
    make, expected = NAMED_REFUSALS[kind]
    hostile = make(tmp_path / f"named-{kind}")
    good = tmp_path / "good.txt"
    good.write_bytes(b"stored whatever else happens\n")

    result = add(vault, [hostile, good], env)

    assert result.returncode == 1  # a path the user named was not added
    line = report_line(result, hostile)
    assert line.startswith(f"  {hostile}: NOT added: {hostile} ") and expected in line, line
    assert "1 file could not be added; all other files were stored." in result.stderr
    assert_stored_exactly(vault, env, {"good.txt": b"stored whatever else happens\n"}, tmp_path / "out")
    assert_verify_passes(vault, env)


def test_a_named_device_and_socket_are_refused(
    tmp_path: Path, env: dict[str, str], vault: Path, unix_socket: Callable[[Path], Path]
) -> None:
    device = Path("/dev/null")
    sock = unix_socket(tmp_path / "agent.sock")
    good = tmp_path / "good.txt"
    good.write_bytes(b"kept\n")

    result = add(vault, [device, sock, good], env)

    assert result.returncode == 1
    line = report_line(result, device)
    assert line == "  /dev/null: NOT added: /dev/null is a device, not a file; it was not read."
    assert report_line(result, sock).endswith(f"NOT added: {sock} is a socket, not a file; it was not read.")
    assert "2 files could not be added" in result.stderr
    assert_stored_exactly(vault, env, {"good.txt": b"kept\n"}, tmp_path / "out")
    assert_verify_passes(vault, env)
