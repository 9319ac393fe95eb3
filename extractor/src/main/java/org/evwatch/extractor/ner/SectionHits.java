package org.evwatch.extractor.ner;

import java.util.List;

/**
 * One section's tokens and the dictionary readings still in the running for it. The later stages remove and add
 * candidates in place, so the list is mutable on purpose.
 */
record SectionHits(Section section, Tokens tokens, List<Dictionary.Hit> candidates) {
}
