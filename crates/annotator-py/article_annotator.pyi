"""Type stubs of the article_annotator extension module (see its docstrings)."""
from typing import Any, Dict, List, Literal, Optional, Sequence

__version__: str

def annotate(text: str, lang: Optional[str] = None, date: Optional[str] = None) -> Dict[str, Any]:
    """Annotates one article; returns the SPEC.md annotation as a dict. Raises ValueError."""

def annotate_json(text: str, lang: Optional[str] = None, date: Optional[str] = None) -> str:
    """The same annotation as annotate(), as the CLI's compact JSON text. Raises ValueError."""

def annotate_many(
    texts: Sequence[str],
    lang: Optional[str] = None,
    date: Optional[str] = None,
    workers: Optional[int] = None,
    errors: Literal["raise", "return"] = "raise",
) -> List[Dict[str, Any]]:
    """Annotates many articles in parallel, in order; see errors= for refused texts."""
