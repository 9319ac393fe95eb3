package org.evwatch.extractor.ner;

import java.util.ArrayList;
import java.util.List;

/** First stage: cuts each section into tokens and collects every dictionary reading of them as a candidate. */
final class DictionaryLookup {

    private final Dictionary dictionary;

    DictionaryLookup(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    List<SectionHits> lookUp(List<Section> sections) {
        List<SectionHits> out = new ArrayList<>(sections.size());
        for (Section s : sections) {
            Tokens tokens = Tokenizer.tokenize(s.text());
            out.add(new SectionHits(s, tokens, new ArrayList<>(dictionary.match(tokens))));
        }
        return out;
    }
}
