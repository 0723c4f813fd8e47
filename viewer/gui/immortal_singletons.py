"""Keep PySide6 6.12.0 from crashing the viewer on CPython 3.11.

PySide6 6.12.0 drops one reference to `None` every time Python calls a C++ method that
returns void (`setHtml`, `setValue`, `setBackground`…), and one to `True` on every signal
`emit()`; 6.11.3 does not. CPython 3.12 made None, True and False immortal, so there the slip
is harmless, but on 3.11 their counts (a few thousand to ~17,000 at start) run out after a
few hundred clicks and the process aborts ("none_dealloc: deallocating None",
"bool_dealloc"). Measured here: twenty F3 presses cost ~4,500 references to None.

The fix belongs in PySide6 (or in a version pin); until then we do what CPython 3.12 does:
give these singletons reference counts that cannot run out. They are never freed anyway, so
the extra counts change nothing else.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 leaked references each: more than a session could ever make.
_EXTRA_REFERENCES = 1 << 40
_SINGLETONS = (None, True, False)
_guarded = False


def guard_singleton_refcounts() -> bool:
    """Make None, True and False effectively immortal on CPython < 3.12.

    True when the guard was applied now. Main thread, before the first window is built;
    calling it again does nothing.
    """
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in _SINGLETONS:
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(singleton)).value += _EXTRA_REFERENCES
    _guarded = True
    return True
