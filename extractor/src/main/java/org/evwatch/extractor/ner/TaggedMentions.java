package org.evwatch.extractor.ner;

import java.util.List;

import org.evwatch.events.EntityType;

/**
 * The learned tagger as a stage of recognition: it marks mentions in each section from the tokens and the
 * vocabularies' readings, and, per type as its {@link SequenceTagger.Merge} says, keeps the dictionary readings it
 * confirms. The ids still come from the readings (vocabularies, learned lexicon, the paper's own abbreviations), so
 * a mention the tagger marks that no name in the dictionary covers gives no entity. Without a model it does nothing.
 */
final class TaggedMentions {

    static final TaggedMentions NONE = new TaggedMentions(null, null);

    private final SequenceTagger tagger;
    private final Dictionary dictionary;

    TaggedMentions(SequenceTagger tagger, Dictionary dictionary) {
        this.tagger = tagger;
        this.dictionary = dictionary;
    }

    SequenceTagger tagger() {
        return tagger;
    }

    /** The tagger's mentions in a section, read before any later stage changes its readings. */
    SequenceTagger.Tagging tag(SectionHits section) {
        return tag(section, tagger != null && tagger.needsSpans());
    }

    /** As {@link #tag(SectionHits)}, with the tagger's mentions whatever the merges need. */
    SequenceTagger.Tagging tag(SectionHits section, boolean withSpans) {
        return tagger == null
                ? SequenceTagger.Tagging.NONE
                : tagger.tag(section.tokens(), section.candidates(), dictionary, withSpans);
    }

    /** Removes the readings the tagger's mentions overrule. */
    void apply(SectionHits section, SequenceTagger.Tagging tagging) {
        if (tagger != null) {
            section.candidates().removeIf(h -> overruled(h, tagging));
        }
    }

    private boolean overruled(Dictionary.Hit h, SequenceTagger.Tagging tagging) {
        EntityType type = dictionary.concept(h.concept()).type();
        SequenceTagger.Choice choice = tagger.merge(type);
        List<SequenceTagger.Span> spans = tagging.spans();
        return switch (choice.merge()) {
            case DICTIONARY -> false;
            case CONFIRMED -> !inside(h, spans, type);
            case PREFERRED -> overlapsDeciding(h, spans) && !inside(h, spans, type);
            case VETO -> surelyOutside(h, tagging.outside(), choice.margin());
        };
    }

    private static boolean surelyOutside(Dictionary.Hit h, float[] outside, float margin) {
        for (int i = h.from(); i <= h.to(); i++) {
            if (outside[i] < margin) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Dictionary.Hit h, List<SequenceTagger.Span> spans, EntityType type) {
        for (SequenceTagger.Span s : spans) {
            if (s.type() == type && s.from() <= h.from() && h.to() <= s.to()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a mention of a type the tagger decides for overlaps the reading. */
    private boolean overlapsDeciding(Dictionary.Hit h, List<SequenceTagger.Span> spans) {
        for (SequenceTagger.Span s : spans) {
            SequenceTagger.Merge m = tagger.merge(s.type()).merge();
            if (s.from() <= h.to() && h.from() <= s.to()
                    && (m == SequenceTagger.Merge.CONFIRMED || m == SequenceTagger.Merge.PREFERRED)) {
                return true;
            }
        }
        return false;
    }
}
