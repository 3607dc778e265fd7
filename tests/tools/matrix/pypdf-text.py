# The text pypdf (a Python PDF library many crawlers use) extracts from each page of a PDF, pages joined by line breaks.
import sys
from pypdf import PdfReader
r = PdfReader(sys.argv[1])
sys.stdout.write("\n".join((p.extract_text() or "") for p in r.pages))
