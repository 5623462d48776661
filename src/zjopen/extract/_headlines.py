"""Names read in a title-case headline, where every word is capitalised: a run is cut to
the name the body uses ("China Approves Zhoushan Archipelago New Area" is "Zhoushan
Archipelago New Area"), and an initiative the body never names is left out: in title
case "Plan", "Agreement" and "Project", an initiative's head words, are as often plain
words ("Geely and Belarus Sign Agreement on Large Automobile Assembly Project",
"Zhoushan Authorities Plan to Grow Bunker Sales")."""

from __future__ import annotations

from zjopen._evolve import evolve
from zjopen.extract._tables import Found, words_of
from zjopen.lexicon.patterns import lazy_compile

__all__ = ["headline_names"]

# The heads of an initiative that a title-case headline also writes as plain words
_PLAIN = frozenset({"plan", "plans", "agreement", "agreements", "project", "projects"})
_LONG_WORD = lazy_compile(r"[A-Za-z][A-Za-z'-]{3,}")  # (short words stay lower in title case)


def headline_names(found: list[Found], text: str, body: int) -> list[Found]:
    """``found`` with the names of the headline (before ``body``) cut or left out."""
    if not body or not any(f.start < body for f in found):
        return found
    # (a title-case headline's names are compared with the body's case-folded: "Going
    # Global Strategy" is the body's "Going Global strategy"; other headlines' as written)
    title_case = _title_case(text[:body])
    named = ({_folded(words_of(f.name)) for f in found if f.start >= body} if title_case
             else {words_of(f.name) for f in found if f.start >= body})
    result = []
    for item in found:
        if item.start < body and item.kb_id is None and item.canonical is None:
            tokens = words_of(item.name)
            for k in range(1, len(tokens) - 1):
                if (_folded(tokens[k:]) if title_case else tokens[k:]) in named:
                    cut = item.name.find(tokens[k])
                    item = evolve(item, name=item.name[cut:], start=item.start + cut)
                    break
            else:
                if (title_case and item.kind == "initiative"
                        and tokens[-1].casefold() in _PLAIN and _folded(tokens) not in named):
                    continue  # "Zhoushan Authorities Plan to Grow ...": a verb, no plan's name
        result.append(item)
    return result


def _title_case(headline: str) -> bool:
    """Whether ``headline`` is written in title case: three or more longer words (four
    letters or more), each capitalised."""
    words = _LONG_WORD.findall(headline)
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` case-folded ("Going Out Strategy" in title case is "Going Out strategy")."""
    return tuple(word.casefold() for word in words)
