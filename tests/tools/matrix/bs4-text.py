# The page's text as a Python crawler takes it with BeautifulSoup: get_text(" ", strip=True), every text node's text
# stripped and joined by one space (a table's cells apart, an empty cell leaving nothing), scripts and styles left out.
import sys
from bs4 import BeautifulSoup
with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
    soup = BeautifulSoup(f.read(), "html.parser")
for t in soup(["script", "style"]):
    t.decompose()
sys.stdout.write(soup.get_text(" ", strip=True))
