package org.evwatch.extractor.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.events.Summary;

/**
 * Picks a one-sentence TL;DR and 3–5 key findings from the abstract, and labels relevance to EVs in cancer. Purely
 * extractive: every sentence shown is the authors' own, so nothing is invented. A sentence scores by the section it
 * is in (conclusions and results up, background and methods down), by cue phrases ("we found", "these results
 * suggest"), by its position in an unstructured abstract (the last sentences usually conclude) and by how many
 * entities it names. The TL;DR states the paper's main claim: a sentence that only says what the paper does ("We
 * also discuss ...", "In this review ...") or restates background ({@link SentenceRoles}) is taken only when the
 * abstract has nothing else, background before discourse. Key findings are the other sentences' statements
 * first; a discourse sentence only fills up to three when the abstract has too few (a review that only says what
 * it covers); background weighs against a finding. Stateless and thread-safe.
 */
public final class Summarizer {

    static final int MIN_FINDINGS = 3;
    static final int MAX_FINDINGS = 5;
    static final int BACKGROUND = 1;
    static final int DISCOURSE = 2;
    /** What restating background costs a sentence as a key finding (discourse sentences come after all others). */
    private static final double BACKGROUND_PENALTY = 1.5;

    private static final Pattern FINDING_CUES = Pattern.compile("\\b(we (found|show|showed|demonstrate|demonstrated"
            + "|identified|observed|report|reveal|revealed|provide)|our (results|findings|data)|these (results|findings"
            + "|data)|this study|suggest|indicat|demonstrat|reveal|show(ed|s)? that|significant|associated with"
            + "|correlat|promot|inhibit|increas|decreas|higher|lower|enhanc|reduc|improv|predict|potential|biomarker"
            + "|therapeutic|diagnos|prognos)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONCLUSION_CUES = Pattern.compile("^(in conclusion|in summary|to conclude|overall|"
            + "taken together|collectively|together|these (results|findings|data)|our (results|findings|data)"
            + "|this study|we conclude)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern METHOD_CUES = Pattern.compile("\\b(we aimed|the aim|aims? (of|to)|objective|"
            + "purpose|to (investigate|determine|evaluate|explore|assess|examine)|were (collected|enrolled|recruited"
            + "|isolated|obtained|analy[sz]ed)|was (performed|conducted|used)|we (used|performed|collected|enrolled"
            + "|conducted|isolated))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBERS = Pattern.compile("\\b(p ?[<=]|\\d+(\\.\\d+)? ?%|fold|AUC|HR|OR)\\b");
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(in conclusion|in summary|to conclude|conclusions?|taken together|collectively|overall)[,:]?\\s+",
            Pattern.CASE_INSENSITIVE);

    public Summary summarize(Paper paper, List<Entity> entities) {
        Summary.Relevance relevance = RelevanceScorer.score(paper, entities);
        List<Sentence> sentences = new ArrayList<>();
        for (Sentence s : SentenceSplitter.split(paper)) {
            if (words(s.text()) >= 4) {
                sentences.add(new Sentence(s.text(), s.label(), s.start(), s.end(), sentences.size()));
            }
        }
        if (sentences.isEmpty()) {
            return new Summary(null, List.of(), relevance);
        }
        int[] mentions = mentionsPerSentence(sentences, entities);
        List<Scored> scored = new ArrayList<>();
        for (Sentence s : sentences) {
            int role = role(s);
            double finding = findingScore(s, sentences.size(), mentions[s.index()]);
            scored.add(new Scored(s, role == BACKGROUND ? finding - BACKGROUND_PENALTY : finding,
                    conclusionScore(s, sentences.size()), role));
        }
        Scored tldr = scored.stream()
                .max(Comparator.comparingInt((Scored x) -> -x.role)
                        .thenComparingDouble(x -> x.conclusion + x.finding)
                        .thenComparingInt(x -> x.sentence.index()))
                .orElseThrow();
        List<Scored> rest = new ArrayList<>(scored);
        rest.remove(tldr);
        rest.sort(Comparator.comparingInt((Scored x) -> x.role == DISCOURSE ? 1 : 0)
                .thenComparingDouble(x -> -x.finding).thenComparingInt(x -> x.sentence.index()));
        long positive = rest.stream().filter(x -> x.finding > 0 && x.role != DISCOURSE).count();
        int k = (int) Math.min(rest.size(), Math.max(MIN_FINDINGS, Math.min(MAX_FINDINGS, positive)));
        List<Scored> chosen = new ArrayList<>(rest.subList(0, k));
        chosen.sort(Comparator.comparingInt(x -> x.sentence.index()));
        return new Summary(tidy(tldr.sentence.text()), chosen.stream().map(x -> x.sentence.text().strip()).toList(),
                relevance);
    }

    /** A sentence with its scores and its role: 0 a statement, {@link #BACKGROUND} or {@link #DISCOURSE}. */
    private record Scored(Sentence sentence, double finding, double conclusion, int role) {
    }

    private static int role(Sentence s) {
        if (SentenceRoles.isDiscourse(s.text())) {
            return DISCOURSE;
        }
        return SentenceRoles.isBackground(s) ? BACKGROUND : 0;
    }

    private static double findingScore(Sentence s, int total, int mentions) {
        double score = 0;
        String label = s.label() == null ? "" : s.label();
        if (label.startsWith("CONCLU") || label.contains("INTERPRETATION") || label.contains("SIGNIFICANCE")
                || label.contains("IMPLICATION")) {
            score += 2.5;
        } else if (label.startsWith("RESULT") || label.startsWith("FINDING")) {
            score += 2;
        } else if (!label.isEmpty()) {
            score -= 2.5; // background, objective, methods
        } else {
            double pos = total == 1 ? 1 : (double) s.index() / (total - 1);
            score += pos >= 0.75 ? 1.5 : pos <= 0.2 ? -1.5 : 0.5;
        }
        Matcher m = FINDING_CUES.matcher(s.text());
        int cues = 0;
        while (m.find() && cues < 3) {
            cues++;
        }
        score += 0.7 * cues;
        if (METHOD_CUES.matcher(s.text()).find()) {
            score -= 2;
        }
        if (NUMBERS.matcher(s.text()).find()) {
            score += 0.5;
        }
        score += Math.min(1.5, 0.3 * mentions);
        int words = words(s.text());
        if (words < 6) {
            score -= 2;
        } else if (words > 60) {
            score -= 1;
        }
        return score;
    }

    private static double conclusionScore(Sentence s, int total) {
        double score = 0;
        String label = s.label() == null ? "" : s.label();
        if (label.startsWith("CONCLU") || label.contains("INTERPRETATION") || label.contains("SIGNIFICANCE")) {
            score += 3;
        }
        if (CONCLUSION_CUES.matcher(s.text().strip()).find()) {
            score += 2.5;
        }
        if (label.isEmpty() && s.index() == total - 1) {
            score += 1;
        }
        return score;
    }

    /**
     * The entity mentions of each sentence, each stretch of text counted once: a marker is also its gene (CD63 is
     * both {@code EV:marker/CD63} and {@code NCBIGene:967}), and is one mention.
     */
    static int[] mentionsPerSentence(List<Sentence> sentences, List<Entity> entities) {
        int[] counts = new int[sentences.size()];
        Set<Long> counted = new HashSet<>();
        for (Entity e : entities) {
            for (Entity.Mention m : e.mentions()) {
                if (!"abstract".equals(m.section()) || !counted.add(((long) m.start() << 32) | m.end())) {
                    continue;
                }
                for (Sentence s : sentences) {
                    if (m.start() >= s.start() && m.end() <= s.end()) {
                        counts[s.index()]++;
                        break;
                    }
                }
            }
        }
        return counts;
    }

    /** Drops a lead-in such as "In conclusion," so the TL;DR reads on its own. */
    static String tidy(String sentence) {
        String s = LEAD_IN.matcher(sentence.strip()).replaceFirst("");
        if (s.isEmpty()) {
            return sentence.strip();
        }
        // "these results..." becomes "These results..."; "miR-21..." keeps its case.
        boolean plainWord = s.length() > 1 && Character.isLowerCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1));
        return plainWord ? s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1) : s;
    }

    private static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }
}
