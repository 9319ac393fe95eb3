package org.evwatch.gateway.examples;

import org.evwatch.indexer.api.PaperProfile;

/**
 * A paper a subscription is defined by: an example new papers should resemble (its weight says how much it counts
 * among the examples) or a paper to avoid (new papers like it are pushed down), with its words and entities as the
 * catalog weighed them when it was added.
 */
public record Example(String paperId, double weight, boolean avoid, PaperProfile profile) {
}
