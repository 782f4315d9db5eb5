"""Ingestion: case files (PDF, scans, images, Word, text) in, typed `Document`s out.

    read_document(path, root=None, ocr=None) -> Document      # one file; raises IngestError subclasses
    read_folder(case_dir) -> (documents, errors)               # a case folder; bad files reported, not fatal
    classify(document) -> (DocType, confidence)
    get_ocr(name=None) -> OCREngine                            # RapidOCR by default, Tesseract optional
"""

from __future__ import annotations

from pathlib import Path

from arbitration.errors import IngestError
from arbitration.fileio import sha256_file
from arbitration.ingest.classify import SECTION_TITLES, classify, split_sections
from arbitration.ingest.docx import read_doc, read_docx, refuse_encrypted_ooxml
from arbitration.ingest.images import read_image
from arbitration.ingest.ocr import OCREngine, get_ocr
from arbitration.ingest.pdf import read_pdf
from arbitration.ingest.sniff import SUPPORTED_SUFFIXES, check_file, extension_note
from arbitration.ingest.txt import read_txt
from arbitration.model import Document, Section

__all__ = [
    "SECTION_TITLES",
    "SUPPORTED_SUFFIXES",
    "OCREngine",
    "classify",
    "get_ocr",
    "list_case_files",
    "read_document",
    "read_folder",
    "split_sections",
]

# names that are never case files: OS clutter and Office lock files
_IGNORED_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}


def read_document(path: Path, root: Path | None = None, ocr: OCREngine | None = None) -> Document:
    """Read one file into a classified, sectioned Document. `root` makes `Document.file` relative to the case
    folder (default: the file's own folder); `ocr` defaults to the engine named in the settings."""
    path = Path(path)
    name = path.relative_to(root).as_posix() if root is not None else path.name
    kind = check_file(path, name)

    def engine() -> OCREngine:
        return ocr or get_ocr()

    warnings: list[str] = []
    sections: list[Section] = []
    if kind == "pdf":
        pages, warnings = read_pdf(path, name, engine)
    elif kind == "docx":
        pages, sections = read_docx(path, name)
    elif kind == "ole":  # an OLE container holding EncryptionInfo: a password-protected .docx, whatever its name
        refuse_encrypted_ooxml(name)
    elif kind == "doc":
        pages, sections = read_doc(path, name)
    elif kind == "text":
        pages, _encoding = read_txt(path, name)
    else:
        pages = read_image(path, name, engine())
        if note := extension_note(path, kind):
            warnings = [note]
    document = Document(file=name, sha256=sha256_file(path), pages=pages, sections=sections, warnings=warnings)
    document.doc_type, document.type_confidence = classify(document)
    document.sections = sections + _clip(split_sections(document), sections)
    return document


def _clip(found: list[Section], margins: list[Section]) -> list[Section]:
    """Keep body sections out of Word header/footer spans (a 落款 section must not run into the footer)."""
    clipped = []
    for s in found:
        end = s.end
        for m in margins:
            if m.page == s.page and s.start < m.start < end:
                end = m.start - 1
        if end > s.start:
            clipped.append(s.model_copy(update={"end": end}))
    return clipped


def list_case_files(case_dir: Path) -> list[Path]:
    """Every file of a case folder (subfolders included), in a stable order; hidden, lock and clutter files skipped."""
    files = []
    for p in sorted(Path(case_dir).rglob("*")):
        rel = p.relative_to(case_dir)
        if not p.is_file() or any(part.startswith((".", "~$")) for part in rel.parts):
            continue
        if p.name.lower() in _IGNORED_NAMES:
            continue
        files.append(p)
    return files


def read_folder(case_dir: Path, ocr: OCREngine | None = None) -> tuple[list[Document], list[IngestError]]:
    """Read every file of a case folder; a file that cannot be read becomes an IngestError in the second list."""
    case_dir = Path(case_dir)
    documents: list[Document] = []
    errors: list[IngestError] = []
    for path in list_case_files(case_dir):
        try:
            documents.append(read_document(path, root=case_dir, ocr=ocr))
        except IngestError as e:
            errors.append(e)
    return documents, errors
