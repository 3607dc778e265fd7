# A .docx's text as a Python pipeline takes it with python-docx: the body's paragraphs and tables in order, each table
# row a line of its cells' text joined by tabs (a merged cell repeated in each grid cell it spans).
import sys
import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
d = docx.Document(sys.argv[1])
out = []
for child in d.element.body.iterchildren():
    tag = child.tag.rsplit("}", 1)[-1]
    if tag == "p":
        out.append(Paragraph(child, d).text)
    elif tag == "tbl":
        for row in Table(child, d).rows:
            out.append("\t".join(c.text.strip() for c in row.cells))
sys.stdout.write("\n".join(out) + "\n")
