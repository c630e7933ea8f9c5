"""What a file is, from its bytes: media types by name and the sniffer that tells them apart.

Its own package because two stages ask: intake (is this member an archive to expand, a document that is
really a ZIP?) and extraction (which extractor reads it?). OPD rename files freely, so neither trusts the
extension.
"""

from evidence.media.sniff import file_extension, sniff_media_type

__all__ = ["file_extension", "sniff_media_type"]
