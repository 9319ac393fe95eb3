package org.evwatch.extractor.summary;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a sentence of an abstract does besides stating a finding. A <em>discourse</em> sentence says what the paper
 * does ("We also discuss ...", "In this review, we ...", "This review summarizes ...", "... are also discussed",
 * "future perspectives"), not what it found; a <em>background</em> sentence restates what was known before the
 * paper ("X has emerged as ...", "Increasing evidence suggests ...", "In recent years ...") or sits in a labelled
 * background or introduction section. Neither makes a TL;DR, and both weigh against a key finding.
 */
final class SentenceRoles {

    private static final String PAPER = "(?:we|this (?:review|article|paper|chapter|study|work|overview|manuscript)"
            + "|the (?:present|current) (?:review|article|paper|chapter)|here(?:in)?,? we)";
    private static final String TELLS = "(?:discuss|review|summari[sz]|describ|outlin|overview|consider|focus"
            + "|explor|address|introduc|synthesi[sz]|highlight|emphasi[sz]|underscor|delineat|examin|detail"
            + "|survey|illustrat|(?:present|provid|offer|giv)\\w* an? (?:\\w+ ){0,2}(?:overview|summary|update"
            + "|perspective|synopsis|account))";
    private static final Pattern DISCOURSE = Pattern.compile(
            "^(?:(?:here|finally|lastly|moreover|furthermore|importantly|in addition|additionally|also"
                    + "|to this end|therefore|thus)\\b,?\\s+)*"
                    + "(?:in this (?:review|article|paper|chapter|overview|manuscript)\\b"
                    + "|(?:by \\w+ing [^,]*,\\s+)?" + PAPER + "(?:\\s+(?:also|further|then|finally|briefly|first"
                    + "|comprehensively|critically|systematically|mainly))*\\s+" + TELLS + ")"
                    + "|\\b(?:is|are|will be|were)\\s+(?:also\\s+|further\\s+|then\\s+|finally\\s+|briefly\\s+)*"
                    + "(?:discussed|reviewed|summari[sz]ed|described|outlined|highlighted|considered|addressed"
                    + "|presented|introduced)\\b"
                    + "|\\bfuture (?:research )?(?:directions|perspectives|prospects|challenges)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BACKGROUND = Pattern.compile(
            "\\b(?:ha(?:s|ve) (?:recently )?emerged as|(?:is|are) (?:increasingly |now |widely )?(?:recogni[sz]ed"
                    + "|considered|regarded|known|acknowledged) as|ha(?:s|ve) (?:attracted|gained|received)"
                    + " (?:\\w+ )?(?:\\w+ )?(?:attention|interest)|in recent (?:years|decades)|(?:increasing|growing"
                    + "|accumulating|emerging|mounting) (?:body of )?(?:evidence|knowledge|interest)"
                    + "|(?:recent|previous|several|many|numerous) (?:studies|reports|groups|works) ha(?:ve|s)"
                    + "|(?:is|remains) (?:one of )?(?:a|the) (?:leading|major|main|most common|second)"
                    + "|remains? (?:poorly|largely|incompletely) understood|little is known)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Words one of which every match of the patterns contains, lower-case: most sentences have none, and looking for
     * them is several times cheaper than running the patterns.
     */
    private static final List<String> DISCOURSE_WORDS = List.of("we ", "this ", "present", "current", "here",
            "discussed", "reviewed", "summari", "described", "outlined", "highlighted", "considered", "addressed",
            "introduced", "future");
    private static final List<String> BACKGROUND_WORDS = List.of("emerged", "recogni", "considered", "regarded",
            "known", "acknowledged", "attention", "interest", "recent", "evidence", "knowledge", "studies", "reports",
            "groups", "works", "remain", " is ");

    private SentenceRoles() {
    }

    /** True when the sentence says what the paper does rather than what it found. */
    static boolean isDiscourse(String sentence) {
        return mayMatch(sentence, DISCOURSE_WORDS) && DISCOURSE.matcher(sentence.strip()).find();
    }

    /** True when the sentence restates what was known before the paper. */
    static boolean isBackground(Sentence s) {
        String label = s.label() == null ? "" : s.label();
        return label.startsWith("BACKGROUND") || label.startsWith("INTRODUCTION") || label.startsWith("CONTEXT")
                || mayMatch(s.text(), BACKGROUND_WORDS) && BACKGROUND.matcher(s.text()).find();
    }

    private static boolean mayMatch(String sentence, List<String> words) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
