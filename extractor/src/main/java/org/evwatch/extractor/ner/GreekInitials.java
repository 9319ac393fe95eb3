package org.evwatch.extractor.ner;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gene and protein names with a Greek letter spelled out are also written with its Latin initial: "beta-catenin" as
 * "b-catenin", "HIF-1alpha" as "HIF-1a", "TGF-beta1" as "TGF-b1", "signal regulatory protein alpha" as "signal
 * regulatory protein a" (the Greek letters themselves, "β-catenin", are read as their names by the
 * {@link Tokenizer}). Only a whole Greek word is replaced, and only where three letters or digits remain ("GAMMA2" does
 * not become "G2", a phase of the cell cycle).
 */
final class GreekInitials {

    private static final Map<String, String> INITIALS = Map.of("alpha", "a", "beta", "b", "gamma", "g", "delta", "d",
            "kappa", "k");
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z])(alpha|beta|gamma|delta|kappa)(?![A-Za-z])",
            Pattern.CASE_INSENSITIVE);

    private GreekInitials() {
    }

    /** The name with each spelled-out Greek letter as its initial, or null when it has none to replace. */
    static String latin(String name) {
        Matcher m = WORD.matcher(name);
        if (!m.find()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        do {
            String word = m.group(1);
            String initial = INITIALS.get(word.toLowerCase(java.util.Locale.ROOT));
            m.appendReplacement(out, Character.isUpperCase(word.charAt(0)) && Character.isUpperCase(word.charAt(1))
                    ? initial.toUpperCase(java.util.Locale.ROOT)
                    : initial);
        } while (m.find());
        m.appendTail(out);
        String latin = out.toString();
        return latin.chars().filter(Character::isLetterOrDigit).count() > 2 ? latin : null;
    }
}
