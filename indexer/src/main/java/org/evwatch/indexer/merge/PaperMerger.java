package org.evwatch.indexer.merge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperKeys;
import org.evwatch.events.Summary;

/**
 * Merges the source records of one paper into one paper. A pure function of the SET of records: versions of the
 * same source record are first reduced to the newest (by {@link RecordVersions}), then every field is taken from
 * the best record for that field under a total order (published before preprint, then the field's
 * {@link FieldPrecedence}, then source name and record id), and lists that are unions are sorted. No input order,
 * clock or database state takes part.
 */
public final class PaperMerger {

    private PaperMerger() {
    }

    public static MergedPaper merge(Collection<PaperExtracted> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        List<PaperExtracted> current = newestVersions(records);
        Set<String> preprintDois = preprintDois(current);
        Predicate<PaperExtracted> isPreprint = r -> isPreprint(r, preprintDois);
        boolean hasPublished = current.stream().anyMatch(isPreprint.negate());

        PaperExtracted titleSource = best(current, FieldPrecedence.TITLE, isPreprint,
                r -> !blank(r.paper().title()));
        PaperExtracted abstractSource = best(current, FieldPrecedence.ABSTRACT, isPreprint,
                r -> !r.paper().abstractSections().isEmpty());
        PaperExtracted bodySource = best(current, FieldPrecedence.BODY, isPreprint,
                r -> !r.paper().body().isEmpty());

        Paper.Identifiers ids = mergeIds(current, isPreprint);
        PaperExtracted authorSource = best(current, FieldPrecedence.AUTHORS, isPreprint,
                r -> !r.paper().authors().isEmpty());
        PaperExtracted journalSource = best(current, FieldPrecedence.JOURNAL, isPreprint,
                r -> !blank(r.paper().journal().title()));
        PaperExtracted meshSource = best(current, FieldPrecedence.MESH, isPreprint,
                r -> !r.paper().meshHeadings().isEmpty());

        Paper paper = new Paper(
                ids,
                titleSource.paper().title(),
                abstractSource == null ? List.of() : abstractSource.paper().abstractSections(),
                authorSource == null ? List.of() : authorSource.paper().authors(),
                journalSource == null ? Paper.Journal.NONE : journalSource.paper().journal(),
                mergeDates(current, isPreprint),
                publicationTypes(current, hasPublished),
                keywords(current),
                meshSource == null ? List.of() : meshSource.paper().meshHeadings(),
                first(current, FieldPrecedence.LICENSE, isPreprint, r -> r.paper().license()),
                first(current, FieldPrecedence.LANGUAGE, isPreprint, r -> r.paper().language()),
                first(current, FieldPrecedence.LICENSE, isPreprint, r -> r.paper().url()),
                bodySource == null ? List.of() : bodySource.paper().body());

        List<Entity> entities = mergeEntities(current, titleSource, abstractSource, bodySource, isPreprint);
        Summary summary = mergeSummary(current, abstractSource, isPreprint);
        List<String> sources = current.stream().map(r -> r.source().source()).distinct().sorted().toList();
        Set<String> keys = new TreeSet<>();
        current.forEach(r -> keys.addAll(IdentityKeys.all(r.paper())));
        keys.addAll(IdentityKeys.all(paper));
        return new MergedPaper(paper, entities, summary, sources, Set.copyOf(keys), !hasPublished);
    }

    /** One version per source record: the newest by its own times, whatever order they came in. */
    public static List<PaperExtracted> newestVersions(Collection<PaperExtracted> records) {
        Map<String, PaperExtracted> newest = new TreeMap<>();
        for (PaperExtracted r : records) {
            newest.merge(RecordVersions.recordKey(r), r, RecordVersions::newer);
        }
        return List.copyOf(newest.values());
    }

    private static Set<String> preprintDois(List<PaperExtracted> records) {
        Set<String> dois = new TreeSet<>();
        for (PaperExtracted r : records) {
            String linked = PaperKeys.normaliseDoi(r.paper().ids().preprintDoi());
            if (linked != null) {
                dois.add(linked);
            }
        }
        return dois;
    }

    /**
     * A preprint record: from a preprint server, typed as a preprint, pointing at its published version, or whose
     * DOI another record names as its preprint.
     */
    static boolean isPreprint(PaperExtracted r, Set<String> preprintDois) {
        if (SourceKind.of(r.source()) == SourceKind.PREPRINT_SERVER) {
            return true;
        }
        if (r.paper().publicationTypes().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("preprint"))) {
            return true;
        }
        Paper.Identifiers ids = r.paper().ids();
        String doi = PaperKeys.normaliseDoi(ids.doi());
        String published = PaperKeys.normaliseDoi(ids.publishedDoi());
        if (published != null && !published.equals(doi)) {
            return true;
        }
        return doi != null && preprintDois.contains(doi);
    }

    private static Comparator<PaperExtracted> order(FieldPrecedence field, Predicate<PaperExtracted> isPreprint) {
        return Comparator.comparing((PaperExtracted r) -> isPreprint.test(r) ? 1 : 0)
                .thenComparing(r -> field.rank(SourceKind.of(r.source())))
                .thenComparing(r -> r.source().source())
                .thenComparing(r -> r.source().sourceRecordId());
    }

    private static PaperExtracted best(List<PaperExtracted> records, FieldPrecedence field,
            Predicate<PaperExtracted> isPreprint, Predicate<PaperExtracted> has) {
        return records.stream().filter(has).min(order(field, isPreprint)).orElse(null);
    }

    private static <T> T first(List<PaperExtracted> records, FieldPrecedence field,
            Predicate<PaperExtracted> isPreprint, Function<PaperExtracted, T> value) {
        return records.stream().sorted(order(field, isPreprint)).map(value)
                .filter(v -> v != null && !(v instanceof String s && s.isBlank())).findFirst().orElse(null);
    }

    private static Paper.Identifiers mergeIds(List<PaperExtracted> records, Predicate<PaperExtracted> isPreprint) {
        List<PaperExtracted> byRank = records.stream().sorted(order(FieldPrecedence.IDS, isPreprint)).toList();
        String publishedDoi = null;
        String preprintDoi = null;
        for (PaperExtracted r : byRank) {
            Paper.Identifiers ids = r.paper().ids();
            String doi = PaperKeys.normaliseDoi(ids.doi());
            if (isPreprint.test(r)) {
                preprintDoi = preprintDoi != null ? preprintDoi : doi;
                publishedDoi = publishedDoi != null ? publishedDoi : PaperKeys.normaliseDoi(ids.publishedDoi());
            } else {
                publishedDoi = publishedDoi != null ? publishedDoi : doi;
                preprintDoi = preprintDoi != null ? preprintDoi : PaperKeys.normaliseDoi(ids.preprintDoi());
            }
        }
        // Links read from other records can fill what the preferred records lack.
        for (PaperExtracted r : byRank) {
            preprintDoi = preprintDoi != null ? preprintDoi : PaperKeys.normaliseDoi(r.paper().ids().preprintDoi());
            publishedDoi = publishedDoi != null ? publishedDoi : PaperKeys.normaliseDoi(r.paper().ids().publishedDoi());
        }
        if (preprintDoi != null && preprintDoi.equals(publishedDoi)) {
            preprintDoi = null;
        }
        String doi = publishedDoi != null ? publishedDoi : preprintDoi;
        String pmid = byRank.stream().map(r -> PaperKeys.normalisePmid(r.paper().ids().pmid()))
                .filter(v -> v != null).findFirst().orElse(null);
        String pmcid = byRank.stream().map(r -> PaperKeys.normalisePmcid(r.paper().ids().pmcid()))
                .filter(v -> v != null).findFirst().orElse(null);
        return new Paper.Identifiers(doi, pmid, pmcid, preprintDoi,
                publishedDoi != null && preprintDoi != null ? publishedDoi : null);
    }

    private static Paper.PaperDates mergeDates(List<PaperExtracted> records, Predicate<PaperExtracted> isPreprint) {
        return new Paper.PaperDates(
                first(records, FieldPrecedence.DATES, isPreprint, r -> r.paper().dates().received()),
                first(records, FieldPrecedence.DATES, isPreprint, r -> r.paper().dates().accepted()),
                first(records, FieldPrecedence.DATES, isPreprint, r -> r.paper().dates().published()),
                first(records, FieldPrecedence.DATES, isPreprint, r -> r.paper().dates().epub()));
    }

    /** The union, deduplicated ignoring case; "Preprint" is dropped once a published version is known. */
    private static List<String> publicationTypes(List<PaperExtracted> records, boolean hasPublished) {
        return union(records, r -> r.paper().publicationTypes(),
                t -> !(hasPublished && t.toLowerCase(Locale.ROOT).contains("preprint")));
    }

    private static List<String> keywords(List<PaperExtracted> records) {
        return union(records, r -> r.paper().keywords(), t -> true);
    }

    /** A sorted union of strings, one per case-folded value; the lexically smallest spelling represents it. */
    private static List<String> union(List<PaperExtracted> records, Function<PaperExtracted, List<String>> values,
            Predicate<String> keep) {
        Map<String, String> byFolded = new TreeMap<>();
        for (PaperExtracted r : records) {
            for (String v : values.apply(r)) {
                if (v == null || v.isBlank() || !keep.test(v)) {
                    continue;
                }
                String trimmed = v.trim();
                byFolded.merge(PaperKeys.normaliseText(trimmed), trimmed, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return List.copyOf(byFolded.values());
    }

    /**
     * Entities of all records; mentions are kept only from the record whose text the merged paper shows for that
     * section, so that every mention's offsets point into the merged title, abstract or body.
     */
    private static List<Entity> mergeEntities(List<PaperExtracted> records, PaperExtracted titleSource,
            PaperExtracted abstractSource, PaperExtracted bodySource, Predicate<PaperExtracted> isPreprint) {
        Map<String, Entity> described = new TreeMap<>();
        Map<String, Set<Entity.Mention>> mentions = new TreeMap<>();
        Map<String, Set<String>> xrefs = new TreeMap<>();
        Comparator<Entity.Mention> mentionOrder = Comparator.comparing(Entity.Mention::section,
                Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Entity.Mention::start).thenComparingInt(Entity.Mention::end)
                .thenComparing(Entity.Mention::text, Comparator.nullsFirst(Comparator.naturalOrder()));
        for (PaperExtracted r : records.stream().sorted(order(FieldPrecedence.TITLE, isPreprint)).toList()) {
            boolean supplies = r == titleSource || r == abstractSource || r == bodySource;
            for (Entity e : r.entities()) {
                List<Entity.Mention> kept = e.mentions().stream().filter(m -> shown(m, r, titleSource,
                        abstractSource, bodySource)).toList();
                if (kept.isEmpty() && !(supplies && e.mentions().isEmpty())) {
                    continue;
                }
                described.putIfAbsent(e.id(), e);
                mentions.computeIfAbsent(e.id(), k -> new TreeSet<>(mentionOrder)).addAll(kept);
                xrefs.computeIfAbsent(e.id(), k -> new TreeSet<>()).addAll(e.xrefs());
            }
        }
        List<Entity> merged = new ArrayList<>();
        for (Map.Entry<String, Entity> entry : described.entrySet()) {
            Entity e = entry.getValue();
            merged.add(new Entity(e.type(), e.id(), e.namespace(), e.name(), List.copyOf(xrefs.get(entry.getKey())),
                    List.copyOf(mentions.get(entry.getKey()))));
        }
        // The entities of the title and abstract first, then those named only in the full text.
        Map<String, Long> outsideBody = new HashMap<>();
        merged.forEach(e -> outsideBody.put(e.id(), outsideBody(e)));
        merged.sort(Comparator.comparingLong((Entity e) -> -outsideBody.get(e.id()))
                .thenComparingInt(e -> -e.mentions().size()).thenComparing(Entity::id));
        return List.copyOf(merged);
    }

    private static long outsideBody(Entity e) {
        return e.mentions().stream().filter(m -> m.section() == null || !m.section().startsWith("body")).count();
    }

    private static boolean shown(Entity.Mention m, PaperExtracted r, PaperExtracted titleSource,
            PaperExtracted abstractSource, PaperExtracted bodySource) {
        String section = m.section() == null ? "" : m.section();
        if (section.equals("title")) {
            return r == titleSource;
        }
        if (section.equals("abstract")) {
            return r == abstractSource;
        }
        if (section.startsWith("body")) {
            return r == bodySource;
        }
        return false;
    }

    /**
     * The extractor's summary was chosen from an abstract: take it from the record whose abstract is shown. The
     * source's own summary is taken whole from the best record that has one, whichever abstract is shown.
     */
    private static Summary mergeSummary(List<PaperExtracted> records, PaperExtracted abstractSource,
            Predicate<PaperExtracted> isPreprint) {
        Summary extracted = abstractSource != null && hasSummary(abstractSource.summary())
                ? abstractSource.summary()
                : records.stream().sorted(order(FieldPrecedence.ABSTRACT, isPreprint)).map(PaperExtracted::summary)
                        .filter(PaperMerger::hasSummary).findFirst().orElse(Summary.NONE);
        Summary.FromSource given = first(records, FieldPrecedence.SOURCE_SUMMARY, isPreprint,
                r -> r.summary().fromSource() == null || r.summary().fromSource().isEmpty()
                        ? null
                        : r.summary().fromSource());
        return extracted.withFromSource(given);
    }

    private static boolean hasSummary(Summary s) {
        return s != null && (s.tldr() != null || s.relevance() != null || !s.keyFindings().isEmpty());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Groups records into papers by shared identity keys (union-find), for rebuilds and tests. */
    public static List<List<PaperExtracted>> group(Collection<PaperExtracted> records) {
        List<PaperExtracted> list = newestVersions(records);
        int[] parent = new int[list.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> owner = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Paper p = list.get(i).paper();
            Set<String> keys = IdentityKeys.idKeys(p);
            String title = IdentityKeys.titleKey(p);
            for (String key : keys) {
                Integer j = owner.putIfAbsent(key, i);
                if (j != null) {
                    union(parent, i, j);
                }
            }
            if (title != null) {
                // Records with ids register their title key; a record without ids joins through it.
                Integer j = owner.putIfAbsent(title, i);
                if (j != null && (keys.isEmpty() || IdentityKeys.idKeys(list.get(j).paper()).isEmpty())) {
                    union(parent, i, j);
                }
            }
        }
        Map<Integer, List<PaperExtracted>> groups = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(list.get(i));
        }
        return List.copyOf(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
