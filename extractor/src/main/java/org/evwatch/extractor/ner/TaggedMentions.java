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
    List<SequenceTagger.Span> tag(SectionHits section) {
        return tagger == null ? List.of() : tagger.tag(section.tokens(), section.candidates(), dictionary);
    }

    /** Removes the readings the tagger's mentions overrule. */
    void apply(SectionHits section, List<SequenceTagger.Span> spans) {
        if (tagger != null) {
            section.candidates().removeIf(h -> overruled(h, spans));
        }
    }

    private boolean overruled(Dictionary.Hit h, List<SequenceTagger.Span> spans) {
        EntityType type = dictionary.concept(h.concept()).type();
        return switch (tagger.merge(type)) {
            case DICTIONARY -> false;
            case CONFIRMED -> !inside(h, spans, type);
            case PREFERRED -> overlapsDeciding(h, spans) && !inside(h, spans, type);
        };
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
            if (s.from() <= h.to() && h.from() <= s.to() && tagger.merge(s.type()) != SequenceTagger.Merge.DICTIONARY) {
                return true;
            }
        }
        return false;
    }
}
