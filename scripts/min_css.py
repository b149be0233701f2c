"""Shrinks a style sheet for shipping: comments and indentation go, nothing else changes.

style/main.css is written to be read (its comments say why each rule is there); every reader
of the page downloads it, so the builds ship it without them (about a quarter of its gzip
size). Strings are copied as they are, so a "/*" inside quotes stays.

    python3 scripts/min_css.py IN OUT      # OUT may be - for standard output
    from min_css import minify             # minify(text) -> text
"""
import sys


def minify(css: str) -> str:
    out, i, n = [], 0, len(css)
    while i < n:
        c = css[i]
        if c in "\"'":
            j = i + 1
            while j < n and css[j] != c:
                j += 2 if css[j] == "\\" else 1
            out.append(css[i:j + 1])
            i = j + 1
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            out.append(c)
            i += 1
    lines = (line.strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


if __name__ == "__main__":
    text = minify(open(sys.argv[1], encoding="utf-8").read())
    if sys.argv[2] == "-":
        sys.stdout.write(text)
    else:
        open(sys.argv[2], "w", encoding="utf-8").write(text)
