"""Names as a careful writer says them in a note: official names shortened to well-formed
spoken forms, and salutations for styled names."""

from __future__ import annotations

import pytest

from afterword.composer.facts import first_name, honorific, spoken_company


@pytest.mark.parametrize(
    "official,spoken",
    [
        # A registration number or a former name in brackets is never said.
        (
            "Harbour Lights Arts Centre (Registered Charity No. 1187654)",
            "Harbour Lights Arts Centre",
        ),
        ("Tallis Freight (formerly Tallis Haulage) Ltd", "Tallis Freight"),
        # The town a long official name is registered in is dropped.
        (
            "St Cuthbert's Academy of Music and Drama, Hexham",
            "St Cuthbert's Academy of Music and Drama",
        ),
        # "The <Name> Trust for <a cause>" is the Trust by its own name.
        ("The Wrenfield Foundation for Young Carers in the North East", "the Wrenfield Foundation"),
    ],
)
def test_an_official_name_loses_what_nobody_says(official: str, spoken: str) -> None:
    assert spoken_company(official) == spoken


@pytest.mark.parametrize(
    "official,spoken",
    [
        (
            "Royal Pennine and Calder Valley Teaching Hospitals NHS Foundation Trust",
            "the Royal Pennine",
        ),
        (
            "Marshgate and District Community Health Services",
            "Marshgate and District Community Health Services",
        ),
    ],
)
def test_a_short_form_never_ends_on_a_modifier(official: str, spoken: str) -> None:
    assert spoken_company(official) == spoken


def test_a_generic_head_keeps_the_whole_name() -> None:
    # "the Royal Society" would name another body.
    name = "The Royal Society for the Welfare of Working Horses"
    assert spoken_company(name) == name


@pytest.mark.parametrize(
    "name,salutation,first",
    [
        ("The Reverend Canon Miriam Oduya", "Canon Oduya", "Miriam"),
        ("The Very Reverend Dr Hugh Castellan", "Dr Castellan", "Hugh"),
        ("The Rt Hon Imogen Tarrant", None, "Imogen"),
        ("Theodora Banks", None, "Theodora"),
    ],
)
def test_a_styled_name_is_addressed_by_its_title(
    name: str, salutation: str | None, first: str
) -> None:
    assert honorific(name) == salutation
    assert first_name(name) == first
