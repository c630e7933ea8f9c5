"""Guards for formats that are ZIP containers (OOXML, OpenDocument): bounded size, safe XML.

A DOCX/XLSX/PPTX/ODT is a ZIP of XML parts; a hostile one is a zip bomb or an XML entity bomb in
disguise. Parts are read with a byte cap and parsed without entity resolution or network access.
"""

from __future__ import annotations

import zipfile

from lxml import etree

# Refuse a container whose parts would expand past this before any library loads them.
MAX_CONTAINER_EXPANDED_BYTES = 512 * 1024 * 1024
# One XML part larger than this is not a document a person wrote.
MAX_PART_BYTES = 256 * 1024 * 1024


class ContainerTooLarge(Exception):
    """The container's declared or actual expanded size is over the limit."""


def expanded_size(archive: zipfile.ZipFile) -> int:
    return sum(info.file_size for info in archive.infolist())


def too_large_error(label: str, archive: zipfile.ZipFile) -> str | None:
    """A ``too_large:`` reason when the declared sizes exceed the limit, else None."""
    expanded = expanded_size(archive)
    if expanded > MAX_CONTAINER_EXPANDED_BYTES:
        return f"too_large: {label} parts expand to {expanded} bytes (limit {MAX_CONTAINER_EXPANDED_BYTES})"
    return None


def read_part(archive: zipfile.ZipFile, name: str, limit: int = MAX_PART_BYTES) -> bytes:
    """Read at most ``limit`` bytes: the declared size in the header may lie."""
    with archive.open(name) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ContainerTooLarge(f"part {name} is larger than {limit} bytes")
    return data


def safe_xml_parser() -> etree.XMLParser:
    """No entity expansion (billion laughs), no DTD or network fetches, no huge-tree mode."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )


def parse_xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, parser=safe_xml_parser())
