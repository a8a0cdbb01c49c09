"""Adding articles to a workspace: uploads and ``riwaya add`` (see :mod:`riwaya.upload.add`).

Documents (``.txt``, ``.html``, ``.docx``, ``.pdf``: :mod:`.formats`), tables with one article
a row (``.csv``, ``.jsonl``, ``.xlsx``: :mod:`.tables`), zips of both (:mod:`.archive`).
"""

from riwaya.errors import UploadError
from riwaya.upload.add import MAX_UPLOAD_BYTES, AddReport, FileResult, add_files, add_paths
from riwaya.upload.tables import FIELDS, ColumnMapping, propose_mapping, table_columns

__all__ = ["MAX_UPLOAD_BYTES", "AddReport", "FileResult", "add_files", "add_paths", "UploadError",
           "FIELDS", "ColumnMapping", "propose_mapping", "table_columns"]
