"""Prints against a bare ReportLab document: `gwa print flyer` as a whole process, and
the flyer and the 40-offer A3 overview built in the process.

    .venv/bin/python benchmarks/run_all.py --scale 1 --only prints
    .venv/bin/python benchmarks/prints_bench.py            # the same, without run_all

The floor is what any ReportLab print pays: the interpreter, ReportLab's platypus, the
six bundled fonts registered, and one A4 page with a paragraph in each font (so the
same subsets are embedded).  Everything above it is the program's own: its imports,
opening the database, bidi, shaping, line breaking and trying type sizes.

The whole-process figure runs `gwa print flyer` in German, Arabic, Farsi and Turkish on
offer 1 of a copy of the bench database (it has texts in ten languages), with a data
folder of its own, as a user would.  Bytecode is written on the first run and used by
every later one, as in an installed program (this machine's environment sets
PYTHONDONTWRITEBYTECODE, which would make every process compile its imports).
The in-process figures build from fixed invented data, so they do not depend on the
bench database; the flyer's caches are warm after the first build, as in the window
when one prints again.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from datetime import date
from datetime import time as clock
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from harness import Figure, alternate, alternate_processes, python_command
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from gwa_desktop.domain.enums import OfferCategory, Recurrence
from gwa_desktop.domain.municipality import MunicipalityData
from gwa_desktop.domain.offer import OfferData, OfferTextData
from gwa_desktop.output.pdf.board import BoardEntry
from gwa_desktop.output.pdf.flyer import FlyerContent, FlyerOptions, build_flyer
from gwa_desktop.output.pdf.fonts import LATIN, register_fonts
from gwa_desktop.output.pdf.offer_view import ContactLine, offer_view
from gwa_desktop.output.pdf.overview import BoardContent, OverviewOptions, build_overview

FLYER_LANGUAGES = ("de", "ar", "fa", "tr")
FONTS = Path(__file__).resolve().parents[1] / "gwa_desktop" / "resources" / "fonts"
#: The floor as a program: ReportLab, the bundled fonts, one page, a paragraph per font.
BARE_DOCUMENT = f"""
import io, sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
TEXTS = {{
    "NotoSans": "Sprachcafé im Gemeindehaus: Menschen aus dem Dorf sprechen Deutsch.",
    "NotoSansArabic": "مقهى اللغة في دار البلدية يلتقي سكان القرية والقادمون الجدد",
    "NotoSansEthiopic": "ናይ ቋንቋ ካፌ ኣብ ኣዳራሽ ምምሕዳር ተቐማጦ ዓድን ሓደሽቲ መጻእትን",
}}
story = []
for family, text in TEXTS.items():
    for weight in ("Regular", "Bold"):
        name = f"{{family}}-{{weight}}"
        pdfmetrics.registerFont(TTFont(name, {str(FONTS)!r} + f"/{{name}}.ttf"))
        story += [Paragraph(text, ParagraphStyle(name, fontName=name, fontSize=11))] * 2
output = io.BytesIO()
SimpleDocTemplate(output, pagesize=A4).build(story)
open(sys.argv[1], "wb").write(output.getvalue())
"""
#: `gwa print …` without the entry point's other sub-commands: the print commands'
#: parser, the database opened as `gwa` opens it, the handler.  What a print costs
#: once cli/main.py imports only the chosen sub-command.
PRINT_PATH = """
import argparse, sys
from gwa_desktop.cli import print_commands
parser = argparse.ArgumentParser()
print_commands.register(parser.add_subparsers(dest="command", required=True))
arguments = parser.parse_args(sys.argv[2:])
from gwa_desktop.services.registry import Services
from gwa_desktop.storage.database import open_database
database = open_database(sys.argv[1])
sys.exit(arguments.handler(arguments, Services.on(database)))
"""
#: The same environment for subject and floor: bytecode cached (see the docstring).
PROCESS_ENV = {"PYTHONDONTWRITEBYTECODE": ""}


def measure(database: Path, scale: int) -> list[Figure]:
    """The whole-process flyer on a copy of `database`, then the in-process builds
    (these do not depend on the scale)."""
    return [*whole_process_flyer(database), *in_process()]


def whole_process_flyer(database: Path) -> list[Figure]:
    """`gwa print flyer` through the entry point, and through the print path alone."""
    languages = [part for code in FLYER_LANGUAGES for part in ("--lang", code)]
    figures = []
    with tempfile.TemporaryDirectory(prefix="gwa-prints-bench-") as folder:
        work = Path(folder)
        copy = work / "bench.sqlite"
        shutil.copyfile(database, copy)
        flyer = ["print", "flyer", "1", *languages, "--strips", "--out", str(work / "flyer.pdf")]
        entry_point = "import sys; from gwa_desktop.cli.main import main; sys.exit(main())"
        floor = python_command("-c", BARE_DOCUMENT, str(work / "floor.pdf"))
        env = {**PROCESS_ENV, "GWA_DATA_DIR": str(work / "data")}
        for what, command in (
            ("`gwa print flyer`", ["-c", entry_point, "--database", str(copy), *flyer]),
            ("print path alone", ["-c", PRINT_PATH, str(copy), *flyer]),
        ):
            (seconds, peak), (floor_seconds, floor_peak) = alternate_processes(
                python_command(*command), floor, env=env
            )
            figures.append(
                Figure(
                    f"{what} {'/'.join(FLYER_LANGUAGES)}, strips (whole process)",
                    seconds,
                    "python + ReportLab page, bundled fonts",
                    floor_seconds,
                    peak,
                    floor_peak,
                )
            )
    return figures


def in_process() -> list[Figure]:
    register_fonts()
    flyer_offer = sample_offer(1)
    languages = tuple(TEXTS)

    def flyer() -> object:
        views = [offer_view(flyer_offer, code, CONTACTS, TODAY) for code in languages]
        return build_flyer(
            FlyerContent(views, flyer_offer.category, TOWN, phone="0151 2345678"),
            FlyerOptions(languages, "A4", "side_by_side", tear_off_strips=True),
        )

    offers = [sample_offer(number) for number in range(1, 41)]

    def overview() -> object:
        entries = [
            BoardEntry(o, [offer_view(o, code, CONTACTS, TODAY) for code in ("de", "ar")])
            for o in offers
        ]
        return build_overview(
            BoardContent(entries, TOWN, TODAY), OverviewOptions(("de", "ar"), "A3", True, "weekday")
        )

    style = ParagraphStyle("floor", fontName=LATIN.regular, fontSize=11)

    def bare_page() -> object:
        story = [Paragraph(TEXTS["de"][1], style) for _ in range(6)]
        output = io.BytesIO()
        SimpleDocTemplate(output, pagesize=A4).build(story)
        return output

    flyer()  # the first build pays for font loading, as the floor's first page does
    bare_page()
    flyer_seconds, floor_seconds = alternate(flyer, bare_page)
    overview_seconds, overview_floor = alternate(overview, bare_page)
    return [
        Figure(
            "flyer build, 4 languages, strips (in process)",
            flyer_seconds,
            "ReportLab page, 6 paragraphs",
            floor_seconds,
        ),
        Figure(
            "overview build, 40 offers, A3, de+ar (in process)",
            overview_seconds,
            "ReportLab page, 6 paragraphs",
            overview_floor,
        ),
    ]


TODAY = date(2026, 3, 1)
TEXTS = {
    "de": (
        "Sprachcafé im Gemeindehaus",
        "Menschen aus dem Dorf und Neuzugewanderte sprechen Deutsch bei Kaffee. " * 4,
    ),
    "ar": (
        "مقهى اللغة في دار البلدية",
        "يلتقي سكان القرية والقادمون الجدد للتحدث بالألمانية مع القهوة والكعك. " * 4,
    ),
    "uk": (
        "Мовне кафе в громадському будинку",
        "Мешканці села та новоприбулі розмовляють німецькою за кавою. " * 4,
    ),
    "fa": (
        "کافه زبان در خانه شهرداری",
        "ساکنان روستا و تازه‌واردان با قهوه و کیک به زبان آلمانی صحبت می‌کنند. " * 4,
    ),
}


CONTACTS = [ContactLine("Samira Haddad", "0151 2345678")]
TOWN = MunicipalityData(
    name="Gemeinde Musterdorf",
    district="Landkreis Beispiel",
    officer_name="Anna Schmidt",
    officer_phone="0123 456-78",
)


def sample_offer(number: int) -> OfferData:
    """An invented offer with texts in the four languages of `TEXTS`."""
    return OfferData(
        id=number,
        texts=[
            OfferTextData(code, f"{title} {number}", text) for code, (title, text) in TEXTS.items()
        ],
        category=list(OfferCategory)[number % 8],
        start_date=date(2026, 1, 5 + number % 7),
        recurrence=[Recurrence.WEEKLY, Recurrence.BIWEEKLY, Recurrence.MONTHLY][number % 3],
        start_time=clock(9 + number % 9),
        end_time=clock(10 + number % 9),
        place_name="Gemeindehaus",
        cost_cents=0,
    )


if __name__ == "__main__":
    from harness import bench_database, machine_load, markdown_table

    figures = measure(bench_database(1), 1)
    print(f"{machine_load()}\n\n{markdown_table(figures)}")
