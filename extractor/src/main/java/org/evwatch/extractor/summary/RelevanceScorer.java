package org.evwatch.extractor.summary;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.Summary.Relevance;

/**
 * Scores how much a paper is about extracellular vesicles in cancer. Two kinds of evidence are weighed, each
 * saturating so that repetition helps less and less: EV evidence (EV subtype mentions, a title mention counting
 * three times, and the EV MeSH headings) and cancer evidence (neoplasm mentions, cancer words, the Neoplasms MeSH
 * headings). The score is their product, so a paper needs both sides to be relevant; one side alone is borderline.
 */
final class RelevanceScorer {

    static final double RELEVANT = 0.35;
    static final double BORDERLINE = 0.10;

    private static final Pattern EV_HEADING = Pattern.compile(
            "extracellular vesicle|exosome|cell-derived microparticle",
            Pattern.CASE_INSENSITIVE);

    private RelevanceScorer() {
    }

    static Relevance score(Paper paper, List<Entity> entities) {
        double ev = 0;
        double cancer = 0;
        for (Entity e : entities) {
            for (Entity.Mention m : e.mentions()) {
                double w = "title".equals(m.section()) ? 3 : m.section().startsWith("body") ? 0.25 : 1;
                if (e.type() == EntityType.EV_SUBTYPE && !e.id().equals("EV:subtype/outer-membrane-vesicle")) {
                    ev += w;
                } else if (e.type() == EntityType.EV_MARKER || e.type() == EntityType.EV_METHOD) {
                    ev += 0.25 * w;
                } else if (e.type() == EntityType.DISEASE && CancerWords.in(e.name() + " " + m.text())) {
                    cancer += w;
                }
            }
        }
        cancer += 0.5 * CancerWords.count(paper.title()) * 3 + 0.5 * CancerWords.count(paper.abstractText());
        for (Paper.MeshHeading h : paper.meshHeadings()) {
            String name = h.name() == null ? "" : h.name();
            if (EV_HEADING.matcher(name).find() && !name.toLowerCase(Locale.ROOT).contains("ribonuclease")) {
                ev += 3;
            }
            if (CancerWords.in(name)) {
                cancer += 2;
            }
        }
        double evSide = saturate(ev);
        double cancerSide = saturate(cancer);
        double score = Math.round(evSide * cancerSide * 1000) / 1000.0;
        Relevance.Label label;
        if (score >= RELEVANT) {
            label = Relevance.Label.RELEVANT;
        } else if (score >= BORDERLINE || Math.max(evSide, cancerSide) >= 0.6) {
            label = Relevance.Label.BORDERLINE;
        } else {
            label = Relevance.Label.OFF_TOPIC;
        }
        return new Relevance(label, score);
    }

    private static double saturate(double evidence) {
        return 1 - Math.exp(-evidence / 2.5);
    }
}
