package org.evwatch.extractor.vocab;

/**
 * A name of a concept as it may appear in text.
 *
 * @param text the name as written in the vocabulary
 * @param conceptId the id of the concept it names
 * @param kind where it comes from, which ranks it against other names
 * @param caseSensitive whether the text must match letter case exactly (acronyms, gene symbols)
 */
public record Term(String text, String conceptId, TermKind kind, boolean caseSensitive) {

    /**
     * Acronym-like names are matched case-sensitively so that "EVs" or "NTA" do not fire on ordinary words; a name
     * counts as one when it is short and has at least two capitals ("CD63", "sEVs") or is a short all-capital word.
     */
    public static boolean looksLikeAcronym(String text) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return upper >= 2 && letters <= 6 || upper >= 1 && letters <= 2;
    }
}
