"""The Library really is what the window's LibraryAPI says it is."""

from __future__ import annotations

import inspect

from viewer.library import Library
from viewer.library_api import LibraryAPI


def protocol_members() -> list[str]:
    return [
        name
        for name, value in vars(LibraryAPI).items()
        if inspect.isfunction(value) and not name.startswith("_")
    ]


def test_every_protocol_method_exists_on_the_library_with_the_same_parameters() -> None:
    members = protocol_members()
    assert len(members) > 20
    for name in members:
        wanted = inspect.signature(getattr(LibraryAPI, name))
        actual = inspect.signature(getattr(Library, name))
        assert list(wanted.parameters) == list(actual.parameters), name
        for param in wanted.parameters.values():
            assert actual.parameters[param.name].default == param.default, (name, param.name)


def test_an_open_library_has_the_protocol_attributes(tmp_path) -> None:
    library = Library.open(tmp_path / "data", with_sample=False)
    try:
        assert library.data_dir == tmp_path / "data"
    finally:
        library.close()
