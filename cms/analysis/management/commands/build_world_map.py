"""Build `cms/analysis/data/world_map.json`, the geometry `cms.analysis.maps` draws.

Reads a world-atlas TopoJSON file (Natural Earth Admin 0 countries), decodes it, projects
it with the Equal Earth projection into a viewBox 1000 wide, simplifies it and writes one
SVG path per ISO 3166-1 alpha-2 code, with a label point and the projected area. A
reporting State missing from the geometry is placed from `data/marker_positions.csv`.
`data/README.md` names the sources and how to rebuild.
"""

import csv
import heapq
import json
import math
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.core.reference_data import read_countries, read_membership

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
OUTPUT_FILE = DATA_DIR / "world_map.json"
POSITIONS_FILE = DATA_DIR / "marker_positions.csv"

WIDTH = 1000
MARGIN = 1  # px around the map, so that the outline's stroke is not cut
TOLERANCE = 0.3  # px, Douglas-Peucker tolerance
MIN_RING_AREA = 0.25  # px²; smaller islands and holes are left out (a State keeps its largest)
LABEL_PRECISION = 0.5  # px

# Areas the M49 table does not list, drawn as part of the State the UN counts them in.
ASSIGNED_BY_ID = {"158": "CN"}  # Taiwan Province of China
ASSIGNED_BY_NAME = {
    "Somaliland": "SO",
    "N. Cyprus": "CY",
    "Kosovo": "RS",  # Security Council resolution 1244 (1999)
}
# Parts that Natural Earth draws in the State that controls them: (from, to, a point inside
# the part as longitude, latitude).
ASSIGNED_PARTS = [
    ("RU", "UA", (34.10, 44.95)),  # Crimea, General Assembly resolution 68/262
]

# Equal Earth (Šavrič, Patterson and Jenny, 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(longitude, latitude):
    """Projected (x, y) of a point in degrees, y pointing north, in units of the sphere radius."""
    lam = math.radians(longitude)
    theta = math.asin(M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


class Frame:
    """Equal Earth scaled into the viewBox: the whole sphere fits the width, north up."""

    def __init__(self, width=WIDTH, margin=MARGIN):
        half_width, half_height = equal_earth(180, 0)[0], equal_earth(0, 90)[1]
        self.scale = (width - 2 * margin) / (2 * half_width)
        self.width = width
        self.height = math.ceil((2 * half_height * self.scale + 2 * margin) * 10) / 10
        self.cx, self.cy = width / 2, self.height / 2

    def __call__(self, longitude, latitude):
        x, y = equal_earth(longitude, latitude)
        return self.cx + x * self.scale, self.cy - y * self.scale

    def outline(self):
        """The edge of the projected sphere, as rounded points."""
        east = [self(180, latitude) for latitude in range(-90, 91, 2)]
        west = [self(-180, latitude) for latitude in range(90, -91, -2)]
        return [round_point(point) for point in east + west]


def decode_arcs(topology):
    """The arcs as lists of (longitude, latitude), quantization and delta encoding undone."""
    transform = topology.get("transform") or {"scale": (1, 1), "translate": (0, 0)}
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_rest in arc:
            # Quantized positions are deltas from the previous one; others are absolute.
            x, y = (x + dx, y + dy) if "transform" in topology else (dx, dy)
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    """A ring's points from its arc indexes (a negative index ~i is arc i reversed)."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons_of(geometry):
    kinds = {"Polygon": lambda arcs: [arcs], "MultiPolygon": list}
    return kinds[geometry["type"]](geometry["arcs"]) if geometry.get("type") in kinds else []


def edges(points):
    """The sides of a ring, the closing one included."""
    return pairwise([*points, points[0]])


def contains(points, point):
    """Whether `point` is inside the ring `points` (even-odd rule)."""
    x, y = point
    inside = False
    for (ax, ay), (bx, by) in edges(points):
        if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
            inside = not inside
    return inside


def assign_areas(geometries, alpha2_by_numeric, arcs):
    """({alpha-2: [polygon]}, [(name, [polygon])] of the areas with no code)."""
    areas, unassigned = defaultdict(list), []
    for geometry in geometries:
        name = (geometry.get("properties") or {}).get("name", "")
        numeric = str(geometry["id"]).zfill(3) if geometry.get("id") is not None else None
        code = (
            ASSIGNED_BY_ID.get(numeric)
            or alpha2_by_numeric.get(numeric)
            or ASSIGNED_BY_NAME.get(name)
        )
        if code:
            areas[code].extend(polygons_of(geometry))
        elif polygons_of(geometry):
            unassigned.append((name, polygons_of(geometry)))
    for source, target, point in ASSIGNED_PARTS:
        moving = [p for p in areas.get(source, []) if contains(ring_points(p[0], arcs), point)]
        areas[source] = [polygon for polygon in areas.get(source, []) if polygon not in moving]
        areas[target].extend(moving)
    return {code: polygons for code, polygons in areas.items() if polygons}, unassigned


def merged_rings(polygons, arcs):
    """The rings of one State, without the borders between its own parts.

    An arc that the State walks both ways separates two of its parts (Crimea and the rest of
    Ukraine): it is dropped and the remaining arcs are chained into rings again.
    """
    rings = [ring for polygon in polygons for ring in polygon]
    used = {index for ring in rings for index in ring}
    inner = {index for index in used if ~index in used}
    if not inner:
        return rings

    def ends(index):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        return arc[0], arc[-1]

    by_start = defaultdict(list)
    outer = [index for ring in rings for index in ring if index not in inner]
    for index in outer:
        by_start[ends(index)[0]].append(index)
    merged = []
    for first in outer:
        if first not in by_start[ends(first)[0]]:
            continue  # already chained
        by_start[ends(first)[0]].remove(first)
        chain, point = [first], ends(first)[1]
        while point != ends(first)[0]:
            chain.append(by_start[point].pop())
            point = ends(chain[-1])[1]
        merged.append(chain)
    return merged


def simplify(points, tolerance=TOLERANCE):
    """Douglas-Peucker, keeping both ends (shared borders stay identical on both sides)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    # A closed arc (an island) has one point for both ends: it is first split at the point
    # farthest from it.
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            distance = _distance(points[i], points[first], points[last])
            if distance > best:
                best, index = distance, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _distance(point, a, b):
    """Distance from `point` to the segment a-b."""
    (x, y), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    if dx or dy:
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        ax, ay = ax + t * dx, ay + t * dy
    return math.hypot(x - ax, y - ay)


def signed_area(points):
    return sum(ax * by - bx * ay for (ax, ay), (bx, by) in edges(points)) / 2


def label_point(rings, precision=LABEL_PRECISION):
    """The point of `rings` (outer ring, then its holes) farthest from their edges.

    This pole of inaccessibility (the "polylabel" search) is used rather than the centroid,
    which falls outside Israel, Norway, Somalia and Viet Nam, and on the coast of others.
    """

    def cell(x, y, half):
        inside = sum(contains(ring, (x, y)) for ring in rings) % 2
        sides = (side for ring in rings for side in edges(ring))
        distance = min(_distance((x, y), a, b) for a, b in sides)
        distance = distance if inside else -distance
        # Ordered by the best distance a point of the cell could have.
        return (-(distance + half * math.sqrt(2)), distance, x, y, half)

    xs, ys = [x for x, _y in rings[0]], [y for _x, y in rings[0]]
    size = min(max(xs) - min(xs), max(ys) - min(ys))
    best = cell((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, 0)
    if size <= precision:
        return best[2], best[3]
    columns, rows = (math.ceil((max(v) - min(v)) / size) for v in (xs, ys))
    queue = [
        cell(min(xs) + (i + 0.5) * size, min(ys) + (j + 0.5) * size, size / 2)
        for i in range(columns)
        for j in range(rows)
    ]
    heapq.heapify(queue)
    while queue:
        candidate = heapq.heappop(queue)
        if candidate[1] > best[1]:
            best = candidate
        if -candidate[0] - best[1] > precision:
            half = candidate[4] / 2
            for dx, dy in ((-half, -half), (-half, half), (half, -half), (half, half)):
                heapq.heappush(queue, cell(candidate[2] + dx, candidate[3] + dy, half))
    return best[2], best[3]


def round_point(point):
    """A point in tenths of a px, as integers."""
    return round(point[0] * 10), round(point[1] * 10)


def _number(tenths):
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), 10)
    return f"{sign}{whole}" if not tenth else f"{sign}{whole or ''}.{tenth}"


def _numbers(values):
    text = ""
    for value in values:
        number = _number(value)
        text += number if not text or number.startswith("-") else " " + number
    return text


def path_data(rings):
    """SVG path data of rings of points in tenths: an absolute move, then relative lines."""
    return "".join(
        f"M{_numbers(ring[0])}l"
        + _numbers(delta for a, b in pairwise(ring) for delta in (b[0] - a[0], b[1] - a[1]))
        + "z"
        for ring in rings
    )


def rounded_ring(points):
    """The ring in tenths, without repeated points; None when fewer than three remain."""
    ring = []
    for point in map(round_point, points):
        if not ring or point != ring[-1]:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring if len(ring) >= 3 else None


def split_at_antimeridian(points, frame):
    """A projected ring that crosses the antimeridian, cut in one ring per side.

    The arcs keep the sphere's topology, where Chukotka, Wrangel Island and Vanua Levu
    cross 180°: on the flat map each side is closed along the map's edge. A ring crossing
    once goes around a pole (Antarctica) and is already closed along the edge.
    """
    jumps = [i for i in range(1, len(points)) if _jumps(points[i - 1], points[i], frame)]
    if len(jumps) < 2:
        return [points]
    # Start after a jump, so that every piece runs from one jump to the next.
    ring = points[jumps[0] : -1] + points[: jumps[0]]
    cuts = [i for i in range(1, len(ring)) if _jumps(ring[i - 1], ring[i], frame)]
    closed = []
    for first, last in pairwise([0, *cuts, len(ring)]):
        piece = ring[first:last]
        side = 180 if piece[0][0] > frame.cx else -180
        low, high = sorted((piece[-1][1], piece[0][1]))
        edge = [frame(side, latitude / 4) for latitude in range(-360, 361)]
        edge = [point for point in edge if low < point[1] < high]
        # Along the edge from the piece's end back to its start.
        edge.sort(key=lambda point: point[1], reverse=piece[-1][1] > piece[0][1])
        closed.append(piece + edge)
    return closed


def _jumps(a, b, frame):
    """Whether a segment goes across the whole map: a ring leaving by one edge for the other."""
    return abs(a[0] - b[0]) > frame.width / 2


def build_area(rings, projected, simplified, frame):
    """{"d", "label", "area"} of one State from its rings of arc indexes."""
    full = [
        piece
        for ring in rings
        for piece in split_at_antimeridian(ring_points(ring, projected), frame)
    ]
    areas = [signed_area(points) for points in full]
    largest = max(range(len(full)), key=lambda i: abs(areas[i]))
    holes = [
        points
        for points, area in zip(full, areas, strict=True)
        if area * areas[largest] < 0 and contains(full[largest], points[0])
    ]
    paths = [
        points
        for ring in rings
        for piece in split_at_antimeridian(ring_points(ring, simplified), frame)
        if (points := rounded_ring(piece)) and abs(signed_area(points)) >= MIN_RING_AREA * 100
    ]
    if not paths and rounded_ring(full[largest]):
        # A State made of specks still has its largest one drawn (and gets a marker).
        paths = [rounded_ring(full[largest])]
    x, y = label_point([full[largest], *holes])
    return {
        "d": path_data(paths),
        "label": [round(x, 1), round(y, 1)],
        "area": round(abs(sum(areas)), 2),
    }


def read_positions(path):
    """{alpha-2: (longitude, latitude)} of `marker_positions.csv`."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return {
            row["iso_alpha2"].strip(): (float(row["longitude"]), float(row["latitude"]))
            for row in csv.DictReader(handle)
        }


def build_world_map(topology, positions, object_name="countries", width=WIDTH):
    """The content of world_map.json, and the reporting States it has no place for."""
    frame = Frame(width)
    arcs = decode_arcs(topology)
    projected = [[frame(lon, lat) for lon, lat in arc] for arc in arcs]
    simplified = [simplify(arc) for arc in projected]
    alpha2_by_numeric = {country.m49: code for code, country in read_countries().items()}
    geometries = topology["objects"][object_name]["geometries"]
    polygons_by_code, unassigned = assign_areas(geometries, alpha2_by_numeric, arcs)
    areas = {
        code: build_area(merged_rings(polygons, arcs), projected, simplified, frame)
        for code, polygons in sorted(polygons_by_code.items())
    }
    missing = []
    for code in sorted(read_membership()):
        if code in areas:
            continue
        if code not in positions:
            missing.append(code)
            continue
        x, y = frame(*positions[code])
        areas[code] = {"d": "", "label": [round(x, 1), round(y, 1)], "area": 0}
    others = [
        {
            "name": name,
            "d": build_area(merged_rings(polygons, arcs), projected, simplified, frame)["d"],
        }
        for name, polygons in unassigned
    ]
    content = {
        "projection": "Equal Earth",
        "viewBox": [0, 0, frame.width, frame.height],
        "outline": path_data([frame.outline()]),
        "areas": dict(sorted(areas.items())),
        "unassigned": others,
    }
    return content, missing


class Command(BaseCommand):
    help = "Build cms/analysis/data/world_map.json from a world-atlas TopoJSON file."

    def add_arguments(self, parser):
        parser.add_argument("topology", help="e.g. world-atlas/countries-50m.json")
        parser.add_argument("--output", default=str(OUTPUT_FILE))
        parser.add_argument(
            "--positions",
            default=str(POSITIONS_FILE),
            help="CSV of the positions of reporting States that the geometry lacks.",
        )
        parser.add_argument("--object", default="countries", help="the TopoJSON object")

    def handle(self, *args, **options):
        try:
            topology = json.loads(Path(options["topology"]).read_text(encoding="utf-8"))
            positions = read_positions(options["positions"])
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"Cannot read the input: {error}") from None
        if options["object"] not in topology.get("objects", {}):
            raise CommandError(f"The topology has no object {options['object']!r}.")
        content, missing = build_world_map(topology, positions, options["object"])
        output = Path(options["output"])
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(
            json.dumps(content, ensure_ascii=False, separators=(",", ":")) + "\n",
            encoding="utf-8",
        )
        if missing:
            self.stderr.write(
                "Reporting States with neither geometry nor position: " + ", ".join(missing)
            )
        self.stdout.write(
            f"{output}: {len(content['areas'])} areas, {output.stat().st_size // 1024} KB"
        )
