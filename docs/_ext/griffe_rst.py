"""A Griffe extension: zjopen's reStructuredText-flavoured docstrings as Markdown.

zjopen's docstrings are written to read well in ``help()`` and to run as doctests. Before
mkdocstrings renders them, this extension rewrites three reST habits into Markdown:

- roles such as ``:class:`Span``` and ``:func:`~zjopen.errors.InputError``` become links
  to the documented object (resolved in the docstring's own scope, following re-exports
  such as ``zjopen.dumps`` to ``zjopen.formats.json.dumps``); a target the site does not
  document is shown as code, without a warning;
- doctest sessions (``>>>`` lines and their expected output) become ``pycon`` code blocks;
- a paragraph ending in ``::`` followed by an indented block becomes a ``python`` code block.

It also gives classes made with ``attrs.frozen`` / ``attrs.define`` the ``__init__``
signature attrs generates at run time (Griffe reads source code, so it cannot see it), and
shows each field's default instead of its ``field(...)`` call.

The source files are never changed. Configured in ``mkdocs.yml`` under the python
handler's ``extensions``.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Iterator
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|mod|data|exc|obj|const):`(~?)([^`]+)`")


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            assert isinstance(member, griffe.Object)
            yield from _objects(member)


def _target(name: str, scope: griffe.Object, pkg: griffe.Module) -> str:
    """The full path of ``name`` as written in a docstring of ``scope``."""
    head, _, rest = name.partition(".")
    if head == pkg.name:
        path = name
    else:
        try:
            path = scope.resolve(head) + (f".{rest}" if rest else "")
        except griffe.NameResolutionError:
            return name
    try:
        found = pkg.modules_collection[path]
    except KeyError:
        return path
    if found.is_alias:
        try:
            return str(found.final_target.path)
        except griffe.AliasResolutionError:
            return path
    return str(found.path)


def _roles(text: str, scope: griffe.Object, pkg: griffe.Module) -> str:
    def link(match: re.Match[str]) -> str:
        short, name = match.group(1), match.group(2).strip()
        title = name.rsplit(".", 1)[-1] if short else name
        identifier = html.escape(_target(name, scope, pkg), quote=True)
        return (f'<autoref identifier="{identifier}" optional>'
                f"<code>{html.escape(title)}</code></autoref>")

    return _ROLE.sub(link, text)


def _fence(lines: list[str], language: str, indent: str) -> list[str]:
    body = textwrap.dedent("\n".join(lines)).split("\n")
    return [f"{indent}```{language}", *(f"{indent}{line}" for line in body), f"{indent}```"]


def _markdown(text: str, scope: griffe.Object, pkg: griffe.Module) -> str:
    """Fence doctest sessions and ``::`` literal blocks; link roles outside them."""
    lines = text.split("\n")
    out: list[str] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        if stripped.startswith(">>>"):
            end = n
            while end < len(lines) and lines[end].strip():
                end += 1
            out.extend(_fence(lines[n:end], "pycon", indent))
            n = end
            continue
        if stripped.endswith("::") and not stripped.startswith(":"):
            start = n + 1
            while start < len(lines) and not lines[start].strip():
                start += 1
            end = start
            while end < len(lines) and (
                not lines[end].strip()
                or len(lines[end]) - len(lines[end].lstrip()) > len(indent)
            ):
                end += 1
            while end > start and not lines[end - 1].strip():
                end -= 1
            if end > start:
                out.append(_roles(line[:-1], scope, pkg))
                out.append("")
                out.extend(_fence(lines[start:end], "python", indent))
                n = end
                continue
        out.append(_roles(line, scope, pkg))
        n += 1
    return "\n".join(out)


_ATTRS_DECORATORS = frozenset({"attrs.frozen", "attrs.define", "attrs.mutable", "attr.s",
                               "attr.attrs", "attr.frozen", "attr.define"})


def _attrs_options(cls: griffe.Class) -> dict[str, str] | None:
    """The keyword arguments of the class's attrs decorator, or None if it has none."""
    for decorator in cls.decorators:
        value = decorator.value
        call = value if isinstance(value, griffe.ExprCall) else None
        target = call.function if call is not None else value
        path = target.canonical_path if isinstance(target, griffe.Expr) else str(target)
        if path in _ATTRS_DECORATORS:
            if call is None:
                return {}
            return {arg.name: str(arg.value) for arg in call.arguments
                    if isinstance(arg, griffe.ExprKeyword)}
    return None


def _field_default(attribute: griffe.Attribute) -> tuple[bool, str | griffe.Expr | None]:
    """Whether the field has a default, and the default as source text."""
    value = attribute.value
    if value is None:
        return False, None
    if isinstance(value, griffe.ExprCall) and value.function.canonical_path in {
        "attrs.field", "attr.ib", "attr.attrib"
    }:
        for arg in value.arguments:
            if isinstance(arg, griffe.ExprKeyword) and arg.name in {"default", "factory"}:
                default = arg.value
                if arg.name == "factory":
                    return True, f"{default}()"
                return True, default
        return False, None
    return True, value


def _attrs_init(cls: griffe.Class) -> None:
    options = _attrs_options(cls)
    if options is None or "__init__" in cls.members:
        return
    positional = griffe.ParameterKind("positional or keyword")
    kind = griffe.ParameterKind("keyword-only") if options.get("kw_only") == "True" else positional
    parameters = [griffe.Parameter("self", kind=positional)]
    for member in list(cls.members.values()):
        if (member.is_alias or not isinstance(member, griffe.Attribute)
                or member.annotation is None or "property" in member.labels
                or str(member.annotation).startswith("ClassVar")):
            continue
        has_default, default = _field_default(member)
        member.value = default if has_default else None
        parameters.append(griffe.Parameter(
            member.name.lstrip("_"), annotation=member.annotation, kind=kind,
            default=default if has_default else None, docstring=member.docstring,
        ))
    cls.set_member("__init__", griffe.Function(
        "__init__", lineno=cls.lineno, endlineno=cls.lineno, parent=cls,
        parameters=griffe.Parameters(*parameters), returns="None",
    ))


class RestDocstrings(griffe.Extension):
    """Rewrite every docstring of a loaded package from reST habits to Markdown."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for obj in _objects(pkg):
            if isinstance(obj, griffe.Class):
                _attrs_init(obj)
            if obj.docstring is not None:
                obj.docstring.value = _markdown(obj.docstring.value, obj, pkg)
