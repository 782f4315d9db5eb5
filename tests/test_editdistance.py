"""The one Levenshtein distance: known values, on strings and on lists (pinyin syllables)."""

from arbitration.editdistance import levenshtein


def test_known_distances():
    assert levenshtein("kitten", "sitting") == 3
    assert levenshtein("", "劳动合同") == 4
    assert levenshtein("劳动和统", "劳动合同") == 2
    assert levenshtein("入直", "入直") == 0
    assert levenshtein(["lao", "dong"], ["lao", "tong"]) == 1
