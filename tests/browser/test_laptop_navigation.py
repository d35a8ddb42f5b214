"""The navigation on a 1280 x 800 laptop (issue 19): wherever the left navigation and the table of contents are
scrolled, no text is drawn over other text. Material kept each sidebar's title in place while its list scrolled,
and the entries passed under it ("Exam preparation module for FIPP" under the site's name); the same check finds
that when the title is made to stick again."""

from __future__ import annotations

import pytest

LAPTOP = {"width": 1280, "height": 800}

# Every line of text drawn in the sidebars, inside what their scroll box shows: [x, y, width, height, text].
_LINES = """() => {
  const lines = [];
  for (const sidebar of document.querySelectorAll(".md-sidebar")) {
    const wrap = sidebar.querySelector(".md-sidebar__scrollwrap");
    if (!wrap || !wrap.checkVisibility()) continue;
    const shown = wrap.getBoundingClientRect();
    const walker = document.createTreeWalker(wrap, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/\\S/.test(node.data) || !node.parentElement.checkVisibility({visibilityProperty: true})) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) {
        const top = Math.max(box.top, shown.top), bottom = Math.min(box.bottom, shown.bottom);
        if (box.width > 0 && bottom - top > 1) lines.push([box.left, top, box.width, bottom - top, node.data.trim()]);
      }
    }
  }
  return lines;
}"""


def overlapping(lines) -> list[str]:
    """Pairs of lines of text drawn over each other by more than a pixel each way."""
    found = []
    for number, (x, y, width, height, text) in enumerate(lines):
        for x2, y2, width2, height2, text2 in lines[number + 1 :]:
            if min(x + width, x2 + width2) - max(x, x2) > 1 and min(y + height, y2 + height2) - max(y, y2) > 1:
                found.append(f"{text!r} and {text2!r}")
    return found


def scroll_positions(page) -> list[int]:
    furthest = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('.md-sidebar__scrollwrap')].map(w => w.scrollHeight - w.clientHeight))"
    )
    assert furthest > 100, "the navigation does not scroll at this size: nothing to check"
    return sorted({0, 12, 40, 120, furthest // 2, furthest})


def scroll_sidebars(page, top: int) -> None:
    page.evaluate(
        "(top) => document.querySelectorAll('.md-sidebar__scrollwrap').forEach(w => { w.scrollTop = top; })", top
    )


@pytest.mark.parametrize("path", ["tracks/exam-fipp/", "self-assessment/"])
def test_no_text_is_drawn_over_other_text_wherever_the_navigation_is_scrolled(visits, server, path):
    with visits(server, viewport=LAPTOP) as visit:
        visit.open(path)
        page = visit.page
        for top in scroll_positions(page):
            scroll_sidebars(page, top)
            assert overlapping(page.evaluate(_LINES)) == [], f"scrolled {top} px"
        # The check itself: with Material's sticky title back, the entries pass under it and are found.
        page.evaluate(
            "() => document.querySelectorAll('.md-nav--primary > .md-nav__title').forEach(t => { t.style.position = 'sticky'; })"
        )
        scroll_sidebars(page, 120)
        assert overlapping(page.evaluate(_LINES)), "an entry under the sticky title is not found"
