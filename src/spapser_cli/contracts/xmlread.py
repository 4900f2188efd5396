"""Reader of DECP XML files, turned into the same shape as the JSON files.

The XML is parsed with defusedxml (expat underneath): a file that declares entities (the
"billion laughs" bomb) or refers to external ones is refused at the declaration, before
anything is expanded. Contracts come out one at a time, with the line of their element.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any

from spapser_cli.contracts.jsonread import CHUNK, Contract, DecpFormatError
from spapser_cli.i18n import N_, Message

# Elements holding a list of wrapped items, as the JSON format writes them:
# <titulaires><titulaire>…</titulaire></titulaires> → [{"titulaire": {…}}]
_WRAPPED_LISTS = frozenset({
    "titulaires", "modifications", "concessionnaires", "actesSousTraitance",
    "modificationsActesSousTraitance", "donneesExecution", "tarifs",
})
# Elements holding a plain list under one key:
# <considerationsSociales><considerationSociale>…</…></…> → {"considerationSociale": [...]}
_KEYED_LISTS = frozenset({
    "considerationsSociales", "considerationsEnvironnementales", "techniques",
    "modalitesExecution", "typesPrix",
})
_KINDS = {"marche": "market", "contrat-concession": "concession"}


class _Node:
    __slots__ = ("name", "children", "text", "line")

    def __init__(self, name: str, line: int) -> None:
        self.name = name
        self.children: list[_Node] = []
        self.text: list[str] = []
        self.line = line


def _as_json(node: _Node) -> Any:
    if not node.children:
        return "".join(node.text).strip()
    if node.name in _WRAPPED_LISTS:
        return [{child.name: _as_json(child)} for child in node.children]
    if node.name in _KEYED_LISTS:
        lists: dict[str, list[Any]] = {}
        for child in node.children:
            lists.setdefault(child.name, []).append(_as_json(child))
        return lists
    return {child.name: _as_json(child) for child in node.children}


def read_xml_contracts(stream: IO[bytes], on_layout: Callable[[str], None]) -> Iterator[Contract]:
    """Every contract of a DECP XML file (root `marches`), values as text."""
    import xml.sax

    from defusedxml import DefusedXmlException
    from defusedxml.sax import make_parser

    done: list[Contract] = []
    stack: list[_Node] = []

    class Handler(xml.sax.handler.ContentHandler):
        def startElement(self, name: str, attrs: object) -> None:  # noqa: N802 (SAX API)
            line: int = parser._parser.CurrentLineNumber
            if not stack:
                if name != "marches":
                    raise DecpFormatError("not-decp", Message(N_(
                        "the root element is <{name}>, not <marches>: not a DECP file"),
                        name=name), line)
                on_layout("2.0")
            node = _Node(name, line)
            if stack:
                stack[-1].children.append(node)
            stack.append(node)

        def endElement(self, name: str) -> None:  # noqa: N802
            node = stack.pop()
            if len(stack) == 1:  # a child of <marches>: a whole contract
                stack[0].children.clear()
                kind = _KINDS.get(name)
                if kind is not None:
                    value = _as_json(node)
                    done.append((kind, value if isinstance(value, dict) else {}, node.line))

        def characters(self, content: str) -> None:
            if len(stack) > 1:
                stack[-1].text.append(content)

    parser = make_parser()
    handler = Handler()
    parser.setContentHandler(handler)
    try:
        while True:
            data = stream.read(CHUNK)
            if not data:
                parser.close()
                break
            parser.feed(data)
            yield from done
            done.clear()
    except DefusedXmlException as error:
        expat = getattr(parser, "_parser", None)
        name = getattr(error, "name", None) or getattr(error, "sysid", None)
        what = (Message(N_("the entity {name}"), name=repr(name)) if name
                else Message(N_("entities")))
        raise DecpFormatError("xml-entities", Message(N_(
            "refused: the file declares {what} ({error}); an entity can expand without bound "
            "(the « billion laughs ») and DECP needs none"), what=what,
            error=type(error).__name__),
            expat.CurrentLineNumber if expat else None,
            expat.CurrentColumnNumber + 1 if expat else None) from None
    except xml.sax.SAXParseException as error:
        column = error.getColumnNumber()
        raise DecpFormatError("xml-syntax", error.getMessage(), error.getLineNumber(),
                              None if column is None else column + 1) from None
    yield from done
