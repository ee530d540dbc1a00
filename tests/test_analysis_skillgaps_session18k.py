"""Session 18 (kinds, families and other names, engineer `skillsK18`): another member of a product family or another
state's certificate is a gap; a named product meets the kind asked; a thing's other name (another language's, a
trade's) meets it. Our own sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.borders import state_short
from nextround.analysis.skillgaps.families import member_short
from nextround.analysis.skillgaps.kinds import kind_line
from nextround.analysis.skillgaps.othername import known_name_line, other_name_line

# -- members of a family ----------------------------------------------------------------------------------------


def test_another_product_of_the_line_is_a_gap() -> None:
    cv = "Zoho CRM administrator: Zoho Desk and Zoho Books for a wholesaler.\nMostly Zoho since 2022."
    short = member_short("Working knowledge of Zoho Creator", cv)
    assert short is not None and "Zoho Creator" in short[0]
    assert member_short("Experience customising Zoho CRM", cv) is None  # the member asked is there
    short = member_short("Advanced Microsoft Project", "Microsoft Word and Excel, daily")
    assert short is not None and "Microsoft Word" in short[1]
    assert member_short("Microsoft Project", "Microsoft Excel; MS Project for the shutdown plan") is None


def test_a_suite_holds_its_members_and_a_place_is_no_product_line() -> None:
    assert member_short("Adobe Photoshop", "Adobe Creative Suite, 6 years") is None
    assert member_short("Microsoft Office", "Microsoft Word, Microsoft Excel") is None
    assert member_short("Five CSEC subjects including English Language", "CSEC: English A, Mathematics") is None
    assert member_short("Lagos Mainland", "14 Olorunsogo Street, Lagos State; Lagos Island office") is None


def test_a_language_and_the_language_named_after_it_are_two() -> None:
    short = member_short("Automation scripts (Jython or JavaScript)", "Wrote Java customisations for the MBOs")
    assert short is not None and "Java" in short[1]
    assert member_short("Java development", "Five years of JavaScript and TypeScript") is not None
    # an alternative the ask offers is held
    assert member_short("Snippets in Python or JavaScript or Java", "Python and JavaScript examples") is None
    assert member_short("JavaScript", "Java and JavaScript, both daily") is None


# -- a state's certificate --------------------------------------------------------------------------------------


def test_another_states_certificate_is_a_gap() -> None:
    cv = "Food Safety Supervisor - Victoria (SITXFSA006), 2023 - NSW one not held yet"
    short = state_short("Current Food Safety Supervisor certificate (NSW)", cv)
    assert short is not None and "Victoria" in short[0]
    assert state_short("Working with Children Check (QLD)", "Working with Children Check, QLD, 2025") is None
    assert state_short("Working with Children Check (QLD)", "Working with Children Check, 2025") is None  # open
    assert state_short("NSW driver licence", "VIC driver licence, full") is None  # moved between states
    assert state_short("NSW Working with Children Check or another state's", "WWCC (VIC)") is None


# -- a named product meets its kind -----------------------------------------------------------------------------


def test_a_named_product_meets_the_kind_asked() -> None:
    assert kind_line("Experience with an ERP system", ["Purchase orders in Sage X3 and Excel"]) is not None
    assert kind_line("Experience with accounting software", ["Month-end in Xero for 40 clients"]) is not None
    assert kind_line("Own 4WD vehicle", ["Ute: Nissan Navara dual cab 4x4"]) is not None
    assert kind_line("Own 4WD vehicle", ["Hatchback, 2019"]) is None
    assert kind_line("SAP S/4HANA", ["Odoo for five years"]) is None  # a product asked, not the kind
    assert kind_line("an ERP system", ["sap trees in the orchard"]) is None  # a name is written as one


# -- another name of the thing ----------------------------------------------------------------------------------


def test_another_name_of_the_thing_meets_it() -> None:
    assert known_name_line("Digital tachograph card", ["Fahrerkarte, valid to 2029"]) is not None
    assert other_name_line("Serger", ["Sewing on 4-thread overlock machines"]) is not None
    assert known_name_line("Forklift licence", ["Carretilla elevadora, 2021"]) is not None
    # the ask's own name is written: the usual checks read it
    assert known_name_line("Forklift licence", ["Forklift licence (expired)", "Gabelstapler"]) is None
    # the name is one part of a longer ask
    assert known_name_line("operating a mini excavator on site, holding a CPCS card for it", ["mini digger"]) is None


# -- step 2: the product named alone, more kinds ---------------------------------------------------------------


def test_the_product_named_alone_is_not_its_edition() -> None:
    short = member_short("Proficiency in AutoCAD Civil 3D", "AutoCAD (2D drafting), QGIS, Excel")
    assert short is not None and "AutoCAD only" in short[0]
    assert member_short("Proficiency in AutoCAD Civil 3D", "AutoCAD and Civil 3D surfaces") is None
    # how a product is reached or run is not another product
    assert member_short("SharePoint Online lists", "Apps on SharePoint lists") is None


def test_a_gis_and_a_bi_tool_are_kinds() -> None:
    assert kind_line("Maintain the firm's GIS database", ["Parcel database kept in QGIS"]) is not None
    assert kind_line("Experience with a BI tool", ["Dashboards in Tableau for sales"]) is not None
    assert kind_line("Experience with ArcGIS", ["QGIS"]) is None  # a product asked
