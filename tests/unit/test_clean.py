"""Tests for frontwatch.clean: scraped pages from varied (invented) outlets."""

from __future__ import annotations

from pathlib import Path

from frontwatch.clean import clean_report, is_furniture, is_tag_trailer, read_note


def test_translated_digest_page() -> None:
    page = (
        "Site Logo\n\n"
        "Militia Convoy Ambushed on the Coastal Highway\n\n"
        "Gunmen attacked a militia convoy on the coastal highway near Port Selim on Friday, "
        "killing four fighters, reports Sahil Times.\n"
        "Militia Convoy Ambushed on the Coastal Highway\n\n"
        "The militia said it had pursued the attackers into the hills.   \n\n\n\n"
        "This report was translated and edited by Levant Desk. Levant Desk has not verified "
        "the content of this story. Responsibility for the information and views set out in "
        "this article lies entirely with the author.\n\n"
        "Related keywords"
    )
    cleaned = clean_report(page)
    assert cleaned.title == "Militia Convoy Ambushed on the Coastal Highway"
    assert cleaned.text == (
        "Gunmen attacked a militia convoy on the coastal highway near Port Selim on Friday, "
        "killing four fighters.\n\n"
        "The militia said it had pursued the attackers into the hills."
    )
    prov = cleaned.provenance
    assert prov.translated_by == "Levant Desk"
    assert prov.original_source == "Sahil Times"
    assert prov.verified is False
    assert "Levant Desk has not verified the content of this story." in prov.statements
    assert "Site Logo" in cleaned.removed and "Related keywords" in cleaned.removed
    assert cleaned.removed.count("Militia Convoy Ambushed on the Coastal Highway") == 1


def test_navigation_share_and_cookie_furniture() -> None:
    page = (
        "Skip to content\n"
        "Home | World | Africa | Opinion\n"
        "Menu\n"
        "Sign in\n"
        "We use cookies to improve your experience. By clicking Accept you agree to our policy.\n"
        "Share this article\n"
        "Facebook Twitter WhatsApp Email\n"
        "Click to share on Telegram (Opens in new window)\n"
        "Police said three people were arrested after the protest in Durango Square.\n"
        "Read more: Curfew extended in the capital\n"
        "Advertisement\n"
        "The protesters had demanded the release of detained students.\n"
        "Print"
    )
    cleaned = clean_report(page, title="Arrests After Square Protest")
    assert cleaned.title == "Arrests After Square Protest"
    assert cleaned.text == (
        "Police said three people were arrested after the protest in Durango Square.\n\n"
        "The protesters had demanded the release of detained students."
    )
    assert len(cleaned.removed) == 11
    assert cleaned.provenance.statements == []


def test_glued_keyword_trailer_and_disclaimer() -> None:
    page = (
        "Clashes erupted overnight between two armed groups in the market district of Tarvin.\n\n"
        "Residents said the fighting stopped at dawn.\n\n"
        "The views expressed in this article are those of the author.Helpful keywords"
    )
    cleaned = clean_report(page)
    assert cleaned.title is None  # the first line is a sentence, not a headline
    assert cleaned.text.endswith("Residents said the fighting stopped at dawn.")
    assert "Helpful keywords" in cleaned.removed
    assert cleaned.provenance.statements == [
        "The views expressed in this article are those of the author."
    ]
    assert cleaned.provenance.verified is None


def test_tag_list_and_topics_trailers_removed() -> None:
    page = (
        "Rockets Hit Airbase\n"
        "Three rockets landed inside the airbase perimeter on Sunday, officials said.\n"
        "Tags: rockets, airbase, security\n"
        "Topics:"
    )
    cleaned = clean_report(page)
    assert cleaned.title == "Rockets Hit Airbase"
    assert cleaned.text == (
        "Three rockets landed inside the airbase perimeter on Sunday, officials said."
    )
    assert cleaned.removed[-2:] == ["Tags: rockets, airbase, security", "Topics:"]


def test_french_outlet_boilerplate_and_translation() -> None:
    page = (
        "Accueil\n"
        "Partager\n"
        "Imprimer\n"
        "Lire aussi : Le couvre-feu prolongé\n"
        "Soldiers reopened the northern checkpoint on Wednesday after a week of closures, "
        "according to Radio Sahel Info.\n"
        "Traders welcomed the decision.\n"
        "Translated from French by Kofi Mensah."
    )
    cleaned = clean_report(page)
    assert cleaned.text == (
        "Soldiers reopened the northern checkpoint on Wednesday after a week of closures.\n\n"
        "Traders welcomed the decision."
    )
    assert cleaned.provenance.translated_by == "Kofi Mensah"
    assert cleaned.provenance.original_source == "Radio Sahel Info"
    assert {"Accueil", "Partager", "Imprimer"} <= set(cleaned.removed)


def test_arabic_boilerplate_and_source_line() -> None:
    page = (
        "الرئيسية\n"
        "مشاركة\n"
        "Drone Strike Damages Power Station\n"
        "A drone struck the power station outside Qasr Amin on Monday, cutting electricity "
        "to several villages.\n"
        "اقرأ أيضاً: تقرير آخر\n"
        "Source: Al-Wadi News Agency"
    )
    cleaned = clean_report(page)
    assert cleaned.title == "Drone Strike Damages Power Station"
    assert cleaned.text.startswith("A drone struck the power station")
    assert "\n\n" not in cleaned.text
    assert cleaned.provenance.original_source == "Al-Wadi News Agency"
    assert cleaned.provenance.statements == ["Source: Al-Wadi News Agency"]


def test_verified_and_wire_style_notes() -> None:
    page = (
        "By Maria Lopez\n"
        "Army Retakes Hill Outpost\n"
        "Government troops recaptured a hilltop outpost east of Rio Bravo on Thursday after "
        "two days of fighting, the defence ministry said.\n"
        "According to the ministry, 14 insurgents were killed.\n"
        "Andes Wire has verified the video footage of the assault.\n"
        "(Via Andes Wire)"
    )
    cleaned = clean_report(page)
    assert cleaned.title == "Army Retakes Hill Outpost"
    # a mid-report attribution is news content and stays
    assert "According to the ministry, 14 insurgents were killed." in cleaned.text
    assert "the defence ministry said." in cleaned.text
    assert cleaned.provenance.verified is True
    assert cleaned.provenance.original_source == "Andes Wire"
    assert "By Maria Lopez" in cleaned.removed


def test_could_not_independently_verify_by_publisher() -> None:
    page = (
        "Fighters seized the border crossing at Kelmet on Saturday, a spokesman said.\n\n"
        "Northline Post could not independently verify the claim.\n\n"
        "The group said it had lost no men, according to the Observatory."
    )
    cleaned = clean_report(page)
    assert cleaned.provenance.verified is False
    assert "Northline Post could not independently verify" not in cleaned.text
    # 'according to' a monitor at the end of a later paragraph is kept
    assert cleaned.text.endswith("according to the Observatory.")
    assert cleaned.provenance.original_source is None


def test_third_party_verification_is_content() -> None:
    page = (
        "The monitor said it could not verify the death toll given by the army.\n"
        "Officials said they could not confirm the figures."
    )
    cleaned = clean_report(page)
    assert cleaned.provenance.verified is None
    assert cleaned.text.count("\n\n") == 1 and cleaned.removed == []


def test_lede_according_to_non_outlet_is_kept() -> None:
    page = "Seven civilians died in the shelling of Ostra, according to the Red Crescent.\n"
    cleaned = clean_report(page)
    assert cleaned.text == page.strip()
    assert cleaned.provenance.original_source is None


def test_originally_published_note() -> None:
    page = (
        "Curfew Lifted in Old City\n"
        "Authorities lifted the night curfew in the old city on Tuesday.\n"
        "This article was originally published in Spanish by Diario del Valle on 3 May 2021."
    )
    cleaned = clean_report(page)
    assert cleaned.provenance.original_source == "Diario del Valle"
    assert cleaned.text == "Authorities lifted the night curfew in the old city on Tuesday."


def test_sentence_case_headline_and_given_title_repeat() -> None:
    page = (
        "Gunmen kill two at a wedding in the hills\n"
        "Two guests were killed when gunmen fired on a wedding party on Saturday, police said."
    )
    assert clean_report(page).title == "Gunmen kill two at a wedding in the hills"
    given = clean_report(page, title="Gunmen Kill Two at a Wedding in the Hills - Hill Times")
    assert given.title == "Gunmen Kill Two at a Wedding in the Hills - Hill Times"
    assert given.text.startswith("Two guests were killed")


def test_whitespace_normalised_and_characters_kept() -> None:
    page = "  First “quoted” paragraph — with dashes.  \r\n\r\n\r\n\r\nSecond paragraph.\t\n"
    cleaned = clean_report(page)
    assert cleaned.text == "First “quoted” paragraph — with dashes.\n\nSecond paragraph."


def test_hard_wrapped_lines_are_joined() -> None:
    page = (
        "Security forces dispersed a crowd of several hundred\n"
        "people outside the governor's office on Monday.\n"
        "Nobody was hurt."
    )
    cleaned = clean_report(page)
    assert cleaned.text == (
        "Security forces dispersed a crowd of several hundred people outside the governor's "
        "office on Monday.\n\nNobody was hurt."
    )


def test_unit_rules() -> None:
    assert is_furniture("News › Middle East › Yemen")
    assert is_furniture("News » Middle East » Yemen")
    assert is_furniture("Coastline Courier logo")
    assert not is_furniture("The rebels unveiled a new flag and logo.")
    assert not is_furniture("Yemen | Houthi drones hit port")  # headline with a bar
    assert not is_furniture("Share prices fell after the attack on the refinery.")
    assert not is_tag_trailer("Tags: the army later said more about the operation.")
    note = read_note("Translation: Amal Haddad")
    assert note is not None and note.translated_by == "Amal Haddad"
    assert read_note("Reuters reported that five died.") is None


def test_empty_and_furniture_only_input() -> None:
    assert clean_report("").text == ""
    cleaned = clean_report("Logo\nMenu\nShare")
    assert cleaned.text == "" and cleaned.title is None and len(cleaned.removed) == 3


def test_sample_report_from_shared(shared_dir: Path) -> None:
    text = (shared_dir / "articles" / "idleb_countryside_report.txt").read_text()
    cleaned = clean_report(text)
    prov = cleaned.provenance
    assert cleaned.title is not None and cleaned.title not in cleaned.text
    assert prov.translated_by and prov.original_source and prov.verified is False
    assert "Logo" not in cleaned.text and "keywords" not in cleaned.text
    assert "translated" not in cleaned.text and "Responsibility" not in cleaned.text
    assert cleaned.text.split("\n\n")[0].endswith(".")
    assert "\n\n\n" not in cleaned.text
