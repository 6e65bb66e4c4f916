"""Reading the archive's photo quotations out of a story body (pure parts)."""

from types import SimpleNamespace

import pytest

from people.photo_quotes import photo_quotations, speaker_name

# english/_posts/2018-07-06-hun-sen-hometown.md, as the importer stores it
CHORN_NATH = (
    "“I thought he had died. His fate is good. That is why he holds the position "
    "[of prime minister],” says Chorn Nath, 78."
)
# khmer/_posts/2018-07-06-voter-yem-ravy-inequality.md (the full archive)
YEM_RAVY_KM = (
    "«ដេក\u200bតាម\u200bចិញ្ចើម\u200bផ្លូវ \u200bខ្លាចចេះ តែខ្លាចហើយ។ "
    "តែ\u200bមិនដឹង\u200bធ្វើ\u200bម៉េច?»"
)
VETERAN_KM = "អតីតយុទ្ធជន"  # its persona
DY_BIT = "“… no government position,” says Dy Bit, Hun Sen’s cousin."


def test_photo_shortcodes_with_a_quotation():
    body = (
        "Text.\n\n"
        f'[[photo 3 quotation="{CHORN_NATH}" quotePosition="top-left transparent"]]\n\n'
        "[[photo 4]]\n\n"
        f'[[photo 5 quotation="{YEM_RAVY_KM}" quotation_attribution={VETERAN_KM}]]\n\n'
        f'> [[photo 6 quotation="inside a quote: text"]]\n'
    )
    assert photo_quotations(body) == {
        3: (CHORN_NATH, ""),
        5: (YEM_RAVY_KM, VETERAN_KM),
    }


@pytest.mark.parametrize(
    ("words", "attribution", "profile_name", "expected"),
    [
        (CHORN_NATH, "", None, "Chorn Nath"),
        (DY_BIT, "", "", "Dy Bit"),
        (YEM_RAVY_KM, VETERAN_KM, None, VETERAN_KM),
        ("“I am scared, sleeping on the street.”", "", "Yem Ravy", "Yem Ravy"),
        # a voter profile without a name (name_en is None in the archive's data)
        ("“I am scared, sleeping on the street.”", "", None, ""),
    ],
)
def test_speaker_name(words, attribution, profile_name, expected):
    profile = SimpleNamespace(name_en=profile_name, name_km=profile_name)
    assert speaker_name(words, attribution, profile, "en") == expected
