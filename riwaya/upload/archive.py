"""Safe reading of uploaded ``.zip`` files (and of the zip inside ``.docx``/``.xlsx``).

Nothing is ever extracted to disk: members are read into memory, each checked first. A
member is skipped, with its reason, when its name climbs out of the archive (``../x.txt``),
is absolute (``/etc/x``, ``C:\\x``), is a symbolic link, or is itself an archive; folders,
hidden files and macOS ``__MACOSX`` forks are left out without a word. The whole archive is
refused when it is not a zip, holds more than :data:`MAX_MEMBERS` files, or would unpack to
more than the upload's remaining budget or at a compression ratio only a zip bomb has
(:data:`MAX_RATIO`). Declared sizes are not trusted: a member is read with a cap.
"""

from __future__ import annotations

import io
import posixpath
import re
import stat
import zipfile
from dataclasses import dataclass, field

from riwaya.errors import InputFileError

MAX_MEMBERS = 5000
MAX_RATIO = 200           # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1 << 20
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass
class ZipContents:
    """An archive's readable members ``(name inside, bytes)`` and the skipped ones ``(name,
    reason)``, in archive order."""

    members: list[tuple[str, bytes]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def member_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a member must not be read, or None."""
    raw = info.filename
    name = raw.replace("\\", "/")
    if name.startswith("/") or _DRIVE.match(name):
        return "an absolute path inside the archive; refused (it could name a file outside the folder)"
    if ".." in name.split("/"):
        return "a path that climbs out of the archive's folder (..); refused"
    if "\x00" in name:
        return "a name with a NUL character; refused"
    mode = info.external_attr >> 16
    if info.create_system == 3 and stat.S_ISLNK(mode):
        return "a symbolic link; links are not followed"
    if info.flag_bits & 0x1:
        return "encrypted; unpack it with its password first"
    return None


def _left_out(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.endswith("/") or parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts if p)


def open_zip(data: bytes, name: str, *, budget: int) -> zipfile.ZipFile:
    """The archive, checked as a whole: a zip, not too many members, within ``budget``
    bytes unpacked and no member compressed like a bomb.

    Raises:
        InputFileError: any of these fails (names ``name``).
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise InputFileError(name, f"is not a readable zip archive ({exc})") from exc
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputFileError(name, f"holds {len(infos)} files, over the limit of {MAX_MEMBERS}; "
                                   "upload it in parts")
    total = sum(i.file_size for i in infos)
    if total > budget:
        raise InputFileError(name, f"unpacks to {total / 2**20:.1f} MB, over what is left of the "
                                   f"upload limit ({max(budget, 0) / 2**20:.1f} MB); upload it in parts")
    for i in infos:
        if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise InputFileError(name, f"member {i.filename!r} unpacks {i.file_size // max(i.compress_size, 1)} "
                                       "times larger than it is packed (a zip bomb?); refused")
    return zf


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """A member's bytes, read with a cap of its declared size (a lying header is refused)."""
    try:
        with zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError,
            ValueError) as exc:
        raise InputFileError(f"{name}/{info.filename}", f"cannot be unpacked ({exc})") from exc
    if len(data) > info.file_size:
        raise InputFileError(f"{name}/{info.filename}", "is larger than the archive says; refused")
    return data


def zip_members(data: bytes, name: str, *, budget: int) -> ZipContents:
    """Every usable member of the zip ``data`` (named ``name`` in messages) and the skipped.

    Raises:
        InputFileError: the archive as a whole is refused (:func:`open_zip`).
    """
    if not isinstance(data, bytes):
        raise TypeError(f"Expected bytes, got {type(data).__name__} instead")
    out = ZipContents()
    with open_zip(data, name, budget=budget) as zf:
        for info in zf.infolist():
            if info.is_dir() and not member_problem(info):
                continue
            problem = member_problem(info)
            if problem is None and _left_out(info.filename):
                continue
            if problem is None and posixpath.splitext(info.filename.lower())[1] in (".zip", ".7z",
                                                                                     ".rar", ".gz", ".tar"):
                problem = "an archive inside the archive; upload it on its own"
            if problem:
                out.skipped.append((info.filename, problem))
                continue
            try:
                out.members.append((info.filename, read_member(zf, info, name)))
            except InputFileError as exc:
                out.skipped.append((info.filename, exc.problem))
    return out
