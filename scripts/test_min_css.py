"""Tests of scripts/min_css.py (run by scripts/test.sh: python3 -m unittest discover -s scripts)."""
import pathlib
import re
import unittest

from min_css import minify


class Minify(unittest.TestCase):
    def test_comments_and_indentation_go(self):
        self.assertEqual(minify("/* why */\n:root {\n  /* a note\n     on two lines */\n  --x: 1;\n}\n"), ":root {\n--x: 1;\n}\n")

    def test_strings_stay_as_written(self):
        css = 'a::before { content: "/* not a comment */"; }\nb::after { content: \'it\\\'s /*\'; }\n'
        self.assertEqual(minify(css), css)

    def test_unclosed_comment_ends_the_sheet(self):
        self.assertEqual(minify("a { b: c; }\n/* never closed"), "a { b: c; }\n")

    def test_shipped_sheet_keeps_every_rule(self):
        # Same rules, fewer bytes: each declaration of style/main.css is still there.
        source = (pathlib.Path(__file__).parent.parent / "style" / "main.css").read_text(encoding="utf-8")
        small = minify(source)
        self.assertLess(len(small), len(source))
        # (main.css has no "/*" inside a string, so a plain pattern finds its comments.)
        dense = lambda s: "".join(re.sub(r"/\*.*?\*/", "", s, flags=re.S).split())
        self.assertEqual(dense(small), dense(source))
        self.assertNotIn("/*", small)
        self.assertEqual(small, minify(small))


if __name__ == "__main__":
    unittest.main()
