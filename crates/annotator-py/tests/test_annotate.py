"""The Python package as a data team uses it: one text to a dict, many texts in parallel, the
engine's errors as exceptions, and the same annotation as the `annotate` command line."""
import json
import pathlib
import subprocess

import pytest

import article_annotator as aa

ROOT = pathlib.Path(__file__).resolve().parents[3]
CLI = ROOT / "target" / "release" / "annotate"
SEED = (ROOT / "seeds" / "000_4b482bd7dbe4f5f8.txt").read_text(encoding="utf-8")
DEV = ROOT.parent / "shared" / "eval-dev" / "articles"

# Written for these tests.
STORM = "Storm floods coastal towns\n\nFloodwater swept through three districts of Manila on Thursday, killing seven people and injuring 23, the Red Cross said."


def cli(records):
    """The command line's --jsonl answers for `records`, by id."""
    if not CLI.exists():
        pytest.skip(f"{CLI} not built (cargo build --release -p annotator-cli)")
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    out = subprocess.run([str(CLI), "--jsonl"], input=lines, capture_output=True, text=True, encoding="utf-8")
    return {a.pop("id"): a for a in map(json.loads, out.stdout.splitlines())}


def test_one_text_gives_the_spec_dict():
    a = aa.annotate(SEED)
    assert set(a) >= {"language", "reference_date", "entities", "casualties", "timeline", "noise"}
    assert a["language"] == "vi"
    names = {e["name"] for e in a["entities"]}
    assert "Azerbaijan" in names
    chars = list(SEED)
    for e in a["entities"]:
        for m in e["mentions"]:
            assert "".join(chars[m["start"]:m["end"]]) == m["text"], "offsets count code points"


def test_options_and_the_same_answer_as_the_command_line():
    a = aa.annotate(STORM, lang="en", date="2024-10-05")
    assert a["language"] == "en" and a["reference_date"] == "2024-10-05"
    assert {(c["kind"], c["min"]) for c in a["casualties"]} >= {("killed", 7), ("wounded", 23)}
    assert a == cli([{"id": "x", "text": STORM, "lang": "en", "date": "2024-10-05"}])["x"]
    assert aa.annotate(STORM, date="2024-10-05T08:30:00Z")["reference_date"] == "2024-10-05"


@pytest.mark.parametrize("text,kwargs,message", [
    ("", {}, "empty"),
    ("   \n ", {}, "empty"),
    ("a\x00b\x00c" * 100, {}, "binary"),
    (STORM, {"lang": "fr"}, "language"),
    (STORM, {"date": "2024-02-30"}, "invalid date"),
])
def test_the_engine_refuses_with_its_message(text, kwargs, message):
    with pytest.raises(ValueError, match=message):
        aa.annotate(text, **kwargs)


def test_many_texts_in_order_on_every_core():
    texts = [SEED, STORM, "Hà Nội hôm nay trời mưa.", STORM.replace("Manila", "Lyon")] * 5
    one_by_one = [aa.annotate(t) for t in texts]
    assert aa.annotate_many(texts) == one_by_one
    assert aa.annotate_many(texts, workers=1) == one_by_one
    assert aa.annotate_many([]) == []


def test_a_bad_text_in_a_batch():
    texts = [STORM, "", STORM]
    with pytest.raises(ValueError, match=r"text 1: .*empty"):
        aa.annotate_many(texts)
    out = aa.annotate_many(texts, errors="return")
    assert len(out) == 3 and "empty" in out[1]["error"] and out[0] == out[2] == aa.annotate(STORM)
    with pytest.raises(ValueError, match="errors must be"):
        aa.annotate_many(texts, errors="ignore")
    with pytest.raises(ValueError, match="workers"):
        aa.annotate_many(texts, workers=0)


def test_the_development_articles_match_the_command_line():
    if not DEV.is_dir():
        pytest.skip(f"{DEV} not found beside the repository")
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))}
    ours = dict(zip(texts, aa.annotate_many(list(texts.values()))))
    theirs = cli([{"id": n, "text": t} for n, t in texts.items()])
    assert ours == theirs


def test_documented():
    assert "SPEC" in aa.annotate.__doc__ and "errors=" in aa.annotate_many.__doc__
    assert aa.__version__


def test_annotate_json_is_the_cli_line():
    want = cli([{"id": "s", "text": STORM, "lang": "en", "date": "2021-03-04"}])["s"]
    got = json.loads(aa.annotate_json(STORM, lang="en", date="2021-03-04"))
    assert got == want
    with pytest.raises(ValueError, match="empty"):
        aa.annotate_json("")
