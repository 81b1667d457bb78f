"""What makes the dossier a PDF/A-3b file: XMP metadata that matches the document information,
and an sRGB output intent. (PDF/A-3 rather than 2: signing attaches manifest.json, a JSON file,
and only part 3 allows attachments that are not PDF/A themselves.)

Rule: every value the XMP packet states is the one ReportLab writes into the document
information dictionary (same title, author, subject, creator, producer, dates to the second with
the same offset), because PDF/A requires the two to agree; pyHanko later updates both alike when
it signs. ReportLab has no PDF/A switch of its own, so the two catalog entries are added through
its document object just before it writes the file. ReportLab cannot tag a PDF (no structure
tree), so the dossier claims conformance level B (visual appearance), not A.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from PIL import ImageCms
from reportlab.pdfbase import pdfdoc

OUTPUT_CONDITION = "sRGB IEC61966-2.1"


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile, made by LittleCMS (through Pillow) rather than shipped as a file."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return bytes(profile.tobytes())


def _xmp_date(doc: Any) -> str:
    stamp = doc._timeStamp
    year, month, day, hour, minute, second = stamp.YMDhms
    # ReportLab writes the offset as hours and minutes with the sign on the hours.
    sign = "-" if stamp.dhh < 0 or (stamp.dhh == 0 and stamp.dmm < 0) else "+"
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{sign}{abs(stamp.dhh):02d}:{abs(stamp.dmm):02d}"
    )


def xmp_packet(doc: Any) -> bytes:
    """The XMP metadata of `doc` (a ReportLab PDFDocument), with the PDF/A-3b identification."""
    info = doc.info
    date = _xmp_date(doc)

    def text(value: object) -> str:
        return escape(str(value))

    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="x-default">{text(info.subject)}</rdf:li>
   </rdf:Alt></dc:description>
   <xmp:CreatorTool>{text(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <pdf:Producer>{text(info.producer)}</pdf:Producer>
   <pdf:Keywords>{text(info.keywords)}</pdf:Keywords>
   <pdf:Trapped>{text(info.trapped)}</pdf:Trapped>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")


def add_pdfa_entries(doc: Any) -> None:
    """Add the XMP metadata stream and the sRGB output intent to `doc`'s catalog (before it is written)."""
    metadata = pdfdoc.PDFStream(
        pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("Metadata"), "Subtype": pdfdoc.PDFName("XML")}),
        xmp_packet(doc),
        filters=[],  # left uncompressed, so any tool can read the identification
    )
    profile_data = srgb_profile()
    profile = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"N": 3}), profile_data)
    intent = pdfdoc.PDFDictionary(
        {
            "Type": pdfdoc.PDFName("OutputIntent"),
            "S": pdfdoc.PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": pdfdoc.PDFString(OUTPUT_CONDITION),
            "Info": pdfdoc.PDFString(OUTPUT_CONDITION),
            "DestOutputProfile": doc.Reference(profile),
        }
    )
    catalog = doc.Catalog
    catalog.Metadata = doc.Reference(metadata)
    # PDFCatalog writes only the keys it lists; list OutputIntents on this one catalog.
    catalog.__NoDefault__ = [*pdfdoc.PDFCatalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = pdfdoc.PDFArray([intent])
