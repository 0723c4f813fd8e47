"""User corrections to an alignment: links the user asserts, which win over automatic ones.

A correction is an AlignmentLink: "these passages go together" ([3], [4]) or, to unlink, "this
passage has no counterpart" ([3], []) / ([], [4]). A correction must name consecutive indices in
order on each side. When corrections contradict each other (they share a passage, or their
order crosses), the later one wins: corrections are listed oldest first, as the user made them.

Pure functions, no I/O; safe from any thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from archive.model import AlignmentLink


def apply_corrections(
    auto: Sequence[AlignmentLink], corrections: Sequence[AlignmentLink]
) -> list[AlignmentLink]:
    """Put the corrections into an automatic alignment (as `align` returns it).

    Automatic links that overlap a correction lose the corrected passages; what they keep stays
    linked unless it would now cross a correction, in which case it is left unlinked. The result
    covers every passage exactly once, in order. (To re-align the freed passages by their text,
    call `align(vi, en, corrections)` instead.)
    """
    vi_count, en_count = alignment_extent(auto)
    kept = usable_corrections(corrections, vi_count, en_count)
    taken_vi = {i for vi, _ in kept for i in vi}
    taken_en = {j for _, en in kept for j in en}
    fixed = [link for link in kept if link[0] and link[1]]
    remnants: list[AlignmentLink] = []
    for vi, en in auto:
        link = ([i for i in vi if i not in taken_vi], [j for j in en if j not in taken_en])
        remnants += _keep_or_unlink(link, fixed)
    return links_in_order(kept + remnants)


def usable_corrections(
    corrections: Sequence[AlignmentLink], vi_count: int, en_count: int
) -> list[AlignmentLink]:
    """The corrections that can apply: well formed, in range, and not overruled by a later one."""
    kept: list[AlignmentLink] = []
    for vi, en in reversed(corrections):
        link = (list(vi), list(en))
        if _well_formed(link, vi_count, en_count) and all(_compatible(link, k) for k in kept):
            kept.append(link)
    kept.reverse()
    # "No counterpart" holds for each passage alone: ([3, 4], []) is ([3], []) and ([4], []).
    return [single for link in kept for single in _one_sided_singles(link)]


def _one_sided_singles(link: AlignmentLink) -> list[AlignmentLink]:
    vi, en = link
    if vi and en:
        return [link]
    return [([i], []) for i in vi] + [([], [j]) for j in en]


def alignment_extent(links: Sequence[AlignmentLink]) -> tuple[int, int]:
    """How many passages per language an alignment covers (its highest index + 1)."""
    vi_count = max((i + 1 for vi, _ in links for i in vi), default=0)
    en_count = max((j + 1 for _, en in links for j in en), default=0)
    return vi_count, en_count


def links_in_order(links: Sequence[AlignmentLink]) -> list[AlignmentLink]:
    """Order non-crossing links so both languages read 0, 1, 2, … when the links are read in turn.

    Two-sided links fix the order; between two of them come the unlinked Vietnamese passages,
    then the unlinked English ones.
    """
    paired = sorted((link for link in links if link[0] and link[1]), key=lambda k: k[0][0])
    vi_only = sorted((link for link in links if not link[1]), key=lambda k: k[0][0])
    en_only = sorted((link for link in links if not link[0]), key=lambda k: k[1][0])
    ordered: list[AlignmentLink] = []
    for link in [*paired, None]:
        vi_limit = link[0][0] if link else float("inf")
        en_limit = link[1][0] if link else float("inf")
        while vi_only and vi_only[0][0][0] < vi_limit:
            ordered.append(vi_only.pop(0))
        while en_only and en_only[0][1][0] < en_limit:
            ordered.append(en_only.pop(0))
        if link:
            ordered.append(link)
    return ordered


def _keep_or_unlink(link: AlignmentLink, fixed: list[AlignmentLink]) -> list[AlignmentLink]:
    vi, en = link
    if not vi and not en:
        return []
    whole = _consecutive(vi) and _consecutive(en)
    if whole and (not vi or not en or all(not _crosses(link, f) for f in fixed)):
        return [link]
    return [([i], []) for i in vi] + [([], [j]) for j in en]


def _well_formed(link: AlignmentLink, vi_count: int, en_count: int) -> bool:
    vi, en = link
    if not vi and not en:
        return False
    in_range = all(0 <= i < vi_count for i in vi) and all(0 <= j < en_count for j in en)
    return in_range and _consecutive(vi) and _consecutive(en)


def _consecutive(indices: list[int]) -> bool:
    return all(b == a + 1 for a, b in zip(indices, indices[1:], strict=False))


def _compatible(a: AlignmentLink, b: AlignmentLink) -> bool:
    """No shared passage and no crossing order."""
    if set(a[0]) & set(b[0]) or set(a[1]) & set(b[1]):
        return False
    return not _crosses(a, b)


def _crosses(a: AlignmentLink, b: AlignmentLink) -> bool:
    if not (a[0] and a[1] and b[0] and b[1]):
        return False
    return (a[0][0] < b[0][0]) != (a[1][0] < b[1][0])
