package org.evwatch.extractor.summary;

/**
 * A sentence of the abstract: its text, the label of the abstract section it is in (upper case, null for an
 * unstructured abstract), its offsets in {@code Paper.abstractText()} and its position among all sentences.
 */
record Sentence(String text, String label, int start, int end, int index) {
}
