package org.evwatch.indexer.merge;

import java.util.List;
import java.util.Set;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.events.Summary;

/**
 * One paper merged from all its source records.
 *
 * @param paper the merged bibliographic record
 * @param entities the entities, with the mentions that fall in the merged title, abstract and body
 * @param summary the summary of the record the abstract came from
 * @param sources the distinct source names, sorted
 * @param keys every identity key of the merged paper (see {@link IdentityKeys})
 * @param preprint true when only preprint records are known
 */
public record MergedPaper(Paper paper, List<Entity> entities, Summary summary, List<String> sources,
        Set<String> keys, boolean preprint) {
}
