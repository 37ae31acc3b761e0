"""Straighten a photo of a page before OCR: find the page's four corners and warp it flat
(perspective), else turn it by the slant of its text lines (deskew); and tell a photo of a page
from a photo of an event (a banner, people, a room), which is no document at all.

OpenCV (headless) does the geometry: contour finding, perspective warp and rotation in a few
milliseconds a picture, where pure Python would take seconds. Only pictures come here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: the page must cover at least this share of the photo to be taken as its quadrilateral
MIN_PAGE_SHARE = 0.2
#: slants smaller than this (degrees) are left alone: Tesseract reads them well
MIN_SKEW = 0.5
MAX_SKEW = 20.0
#: pixels brighter than this are paper
PAPER = 170
#: a photo whose paper covers less than this share and that holds no page is a scene
SCENE_PAPER_SHARE = 0.45
#: the longest side the geometry works on (larger photos are measured scaled down)
WORK_SIDE = 1000


@dataclass(frozen=True)
class Straightened:
    #: the grey picture, flattened and upright as far as could be told
    image: Any
    #: "perspective", "deskew" or "" (left as it was)
    how: str
    #: the share of the picture that is paper (bright), before straightening
    paper_share: float
    #: whether a page's four corners were found
    page_found: bool

    @property
    def scene(self) -> bool:
        """A picture of a scene rather than of a page: no page outline and little paper."""
        return not self.page_found and self.paper_share < SCENE_PAPER_SHARE


def straighten(grey: Any) -> Straightened:
    """A grey numpy picture, flattened (perspective) or turned level (deskew)."""
    import cv2
    import numpy as np

    height, width = grey.shape[:2]
    scale = min(1.0, WORK_SIDE / max(height, width))
    small = cv2.resize(grey, (int(width * scale), int(height * scale))) if scale < 1 else grey
    paper_share = float(np.count_nonzero(small > PAPER)) / small.size
    corners = _page_corners(small)
    if corners is not None and not _upright(corners, small.shape):
        flat = _warp(grey, corners / scale)
        return Straightened(image=flat, how="perspective", paper_share=paper_share, page_found=True)
    angle = _skew(small)
    if angle is not None and MIN_SKEW <= abs(angle) <= MAX_SKEW:
        centre = (width / 2, height / 2)
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(
            grey, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
        )
        return Straightened(image=turned, how="deskew", paper_share=paper_share, page_found=False)
    return Straightened(image=grey, how="", paper_share=paper_share, page_found=False)


def _page_corners(small: Any) -> Any | None:
    """The four corners of the page, the largest bright quadrilateral, or None."""
    import cv2
    import numpy as np

    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    _, mask = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    largest = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(largest)
    if area < MIN_PAGE_SHARE * small.size or area > 0.97 * small.size:
        return None  # no page in sight, or a page that fills the picture (a scan)
    outline = cv2.approxPolyDP(largest, 0.02 * cv2.arcLength(largest, True), True)
    if len(outline) != 4 or not cv2.isContourConvex(outline):
        return None
    return _ordered(outline.reshape(4, 2).astype("float32"))


#: corners this close (share of the picture's size) to an upright rectangle need no warp
UPRIGHT_TOLERANCE = 0.01


def _upright(corners: Any, shape: tuple[int, ...]) -> bool:
    """Whether the quadrilateral is an upright rectangle already: a screenshot's window or a
    scan's page, which warping would only crop (losing the address bar, the date)."""
    tl, tr, br, bl = corners
    height, width = shape[:2]
    across, down = UPRIGHT_TOLERANCE * width, UPRIGHT_TOLERANCE * height
    return bool(
        abs(tl[1] - tr[1]) <= down
        and abs(bl[1] - br[1]) <= down
        and abs(tl[0] - bl[0]) <= across
        and abs(tr[0] - br[0]) <= across
    )


def _ordered(points: Any) -> Any:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    import numpy as np

    sums, diffs = points.sum(axis=1), np.diff(points, axis=1).ravel()
    return np.array(
        [
            points[np.argmin(sums)],
            points[np.argmin(diffs)],
            points[np.argmax(sums)],
            points[np.argmax(diffs)],
        ],
        dtype="float32",
    )


def _warp(grey: Any, corners: Any) -> Any:
    import cv2
    import numpy as np

    tl, tr, br, bl = corners
    width = int(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = int(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    target = np.array(
        [[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype="float32"
    )
    matrix = cv2.getPerspectiveTransform(corners.astype("float32"), target)
    return cv2.warpPerspective(grey, matrix, (width, height), flags=cv2.INTER_LINEAR)


def _skew(small: Any) -> float | None:
    """The slant of the text lines in degrees (positive: counter-clockwise), from the dark
    pixels' minimum-area rectangle after smearing letters into lines."""
    import cv2
    import numpy as np

    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = cv2.dilate(ink, np.ones((3, 15), np.uint8))
    contours, _ = cv2.findContours(ink, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    angles, weights = [], []
    for contour in contours:
        (_, _), (w, h), angle = cv2.minAreaRect(contour)
        if min(w, h) < 3 or max(w, h) < 40 or max(w, h) < 4 * min(w, h):
            continue  # not a line of text
        if w < h:
            angle -= 90  # the angle of the long side, the line's direction
        angles.append((angle + 45) % 90 - 45)
        weights.append(max(w, h))
    if len(angles) < 3:
        return None
    return float(np.average(angles, weights=weights))
