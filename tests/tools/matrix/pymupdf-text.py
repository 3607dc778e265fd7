# The text PyMuPDF (fitz, a Python PDF library many pipelines use) extracts from each page of a PDF, pages ending in a
# form feed; with "sort", page.get_text(sort=True): its blocks sorted top to bottom, then left to right.
import sys
import fitz
doc = fitz.open(sys.argv[1])
sort = len(sys.argv) > 2 and sys.argv[2] == "sort"
sys.stdout.write("".join(p.get_text(sort=sort) + "\f" for p in doc))
