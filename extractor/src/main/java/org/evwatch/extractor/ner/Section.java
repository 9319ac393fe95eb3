package org.evwatch.extractor.ner;

/** A part of a paper recognition reads on its own: its title, abstract or a body section. */
record Section(String name, String text) {
}
