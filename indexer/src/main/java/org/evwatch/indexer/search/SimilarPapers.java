package org.evwatch.indexer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.evwatch.events.Paper;
import org.evwatch.events.serde.EventJson;
import org.evwatch.query.PaperFields;
import org.evwatch.query.PaperFilters;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.query.SimilarToQuery;
import org.evwatch.query.SimilarityModel;

/**
 * Papers like a given one, on the Lucene index: the paper's heaviest words (by {@link SimilarityModel}) and its
 * entity ids, each boosted by its weight, find candidates in one disjunction; the model then ranks the best
 * candidates exactly and names the shared words and entities. The paper itself and its other versions (papers that
 * share one of its DOIs) are left out.
 * <p>
 * Nothing is added to the index for this: the title and abstract are stored for highlighting and the entities with
 * the hit summary, so a paper's words are analysed again when it is asked about.
 */
final class SimilarPapers {

    /** The source paper's words the candidate query uses. */
    static final int QUERY_TERMS = 25;
    /**
     * The candidate query leaves out the source's words and entities that more than this share of the papers have
     * (and more than {@link #MIN_COMMON}): they find no better candidates but make the query visit most of the
     * index. They still count in the model's score. When every word and entity is that common, the candidates are the
     * papers that have all of the {@link #FALLBACK_TERMS} heaviest words.
     */
    static final double MAX_SHARE = 0.05;
    static final long MIN_COMMON = 1000;
    static final int FALLBACK_TERMS = 5;
    /** The source paper's entities the candidate query uses. */
    static final int QUERY_ENTITIES = 25;
    /** Candidates the model ranks exactly; at least this many, or three times the page. */
    static final int CANDIDATES = 100;

    /** Turns an entity's weight, squared, into its idf (see {@link SimilarityModel#DEFAULT_ENTITY_WEIGHT}). */
    private static final double ENTITY_BOOST = 1 / (SimilarityModel.DEFAULT_ENTITY_WEIGHT
            * SimilarityModel.DEFAULT_ENTITY_WEIGHT);

    private static final Set<String> STORED = Set.of(PaperFields.TITLE, PaperFields.ABSTRACT, PaperIndex.HIT);

    private final SimilarityModel model = new SimilarityModel();

    /** A paper of the index as the model sees it, with what a hit shows of it. */
    record Indexed(SimilarityModel.Profile profile, HitSummary summary) {
    }

    /** The collection's statistics, from the index: a word counts in the title or abstract, whichever has more. */
    static SimilarityModel.Rarity rarity(IndexReader reader) {
        return new SimilarityModel.Rarity() {
            @Override
            public long papers() {
                return reader.numDocs();
            }

            @Override
            public long papersWithTerm(String term) {
                try {
                    return Math.max(reader.docFreq(new Term(PaperFields.TITLE, term)),
                            reader.docFreq(new Term(PaperFields.ABSTRACT, term)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public long papersWithEntity(String entityId) {
                try {
                    return reader.docFreq(new Term(PaperFields.ENTITY, entityId));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }.cached();
    }

    /** The paper with this id in the index, or null. */
    static Indexed find(IndexSearcher searcher, String id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(PaperFields.ID, id)), 1);
        return top.scoreDocs.length == 0 ? null : load(searcher.storedFields(), top.scoreDocs[0].doc);
    }

    private static Indexed load(StoredFields stored, int doc) throws IOException {
        Document d = stored.document(doc, STORED);
        HitSummary summary = EventJson.mapper().readValue(d.getBinaryValue(PaperIndex.HIT).bytes, HitSummary.class);
        List<String> entityIds = summary.entities() == null
                ? List.of()
                : summary.entities().stream().map(HitSummary.EntityRef::id).filter(i -> i != null).toList();
        return new Indexed(SimilarityModel.Profile.of(d.get(PaperFields.TITLE), d.get(PaperFields.ABSTRACT),
                entityIds), summary);
    }

    /**
     * The query that finds papers like the source: its heaviest words in title or abstract and its entity ids, each
     * boosted by its weight; the paper and its other versions never match.
     */
    Query like(Indexed source, SimilarityModel.Rarity rarity) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        long most = Math.max(MIN_COMMON, (long) (rarity.papers() * MAX_SHARE));
        List<SimilarityModel.Weighted> entities = model.entities(source.profile(), rarity).stream()
                .filter(e -> rarity.papersWithEntity(e.value()) <= most).limit(QUERY_ENTITIES).toList();
        List<SimilarityModel.Weighted> all = model.topTerms(source.profile(), rarity, Integer.MAX_VALUE);
        List<SimilarityModel.Weighted> terms = all.stream().filter(t -> rarity.papersWithTerm(t.value()) <= most)
                .limit(QUERY_TERMS).toList();
        if (terms.isEmpty() && entities.isEmpty()) {
            // Only common words: the candidates have all of the heaviest few, which a conjunction finds quickly.
            terms = all.subList(0, Math.min(FALLBACK_TERMS, all.size()));
            b.setMinimumNumberShouldMatch(terms.size());
        }
        for (SimilarityModel.Weighted t : terms) {
            float boost = (float) t.weight();
            b.add(new BoostQuery(new DisjunctionMaxQuery(List.of(
                    new TermQuery(new Term(PaperFields.TITLE, t.value())),
                    new TermQuery(new Term(PaperFields.ABSTRACT, t.value()))), 0f), boost), Occur.SHOULD);
        }
        // A shared entity counts here about as much as a shared rare word (its idf, as a word's BM25 score).
        for (SimilarityModel.Weighted e : entities) {
            b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(PaperFields.ENTITY, e.value()))),
                    (float) (e.weight() * e.weight() * ENTITY_BOOST)), Occur.SHOULD);
        }
        b.add(new TermQuery(new Term(PaperFields.ID, source.summary().id())), Occur.MUST_NOT);
        for (String doi : versionDois(source.summary().ids())) {
            b.add(new TermQuery(new Term(PaperFields.DOI, doi)), Occur.MUST_NOT);
        }
        return b.build();
    }

    private static Set<String> versionDois(Paper.Identifiers ids) {
        Set<String> dois = new LinkedHashSet<>();
        if (ids != null) {
            for (String doi : new String[]{ids.doi(), ids.preprintDoi(), ids.publishedDoi()}) {
                String normalised = PaperFilters.normalise(PaperFields.DOI, doi);
                if (normalised != null) {
                    dois.add(normalised);
                }
            }
        }
        return dois;
    }

    /**
     * The papers most like the one with this id, best first, with the model's reasons; null when no paper has the
     * id. {@code filters} narrows the candidates (the search's filters), identity for none.
     */
    SimilarResult similar(IndexSearcher searcher, String id, int size, Function<Query, Query> filters)
            throws IOException {
        Indexed source = find(searcher, id);
        if (source == null) {
            return null;
        }
        SimilarityModel.Rarity rarity = rarity(searcher.getIndexReader());
        TopDocs top = searcher.search(filters.apply(like(source, rarity)), Math.max(CANDIDATES, size * 3));
        StoredFields stored = searcher.storedFields();
        List<SimilarResult.Hit> ranked = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            Indexed candidate = load(stored, sd.doc);
            SimilarityModel.Score score = model.score(source.profile(), candidate.profile(), rarity);
            ranked.add(hit(candidate.summary(), score));
        }
        ranked.sort(Comparator.comparingDouble(SimilarResult.Hit::score).reversed()
                .thenComparing(SimilarResult.Hit::id));
        return new SimilarResult(source.summary().id(), ranked.subList(0, Math.min(size, ranked.size())));
    }

    /** The paper with this id weighed against the collection, the heaviest words first; null when no paper has it. */
    PaperWeights weights(IndexSearcher searcher, String id) throws IOException {
        Indexed source = find(searcher, id);
        if (source == null) {
            return null;
        }
        SimilarityModel.Rarity rarity = rarity(searcher.getIndexReader());
        SimilarityModel.Profile p = source.profile();
        List<PaperWeights.Term> terms = new ArrayList<>(p.terms().size());
        p.terms().forEach((term, k) -> {
            double idf = SimilarityModel.idf(rarity.papers(), rarity.papersWithTerm(term));
            terms.add(new PaperWeights.Term(term, k, SimilarityModel.termWeight(k, p.length(), idf), idf));
        });
        terms.sort(Comparator.comparingDouble(PaperWeights.Term::weight).reversed()
                .thenComparing(PaperWeights.Term::term));
        return new PaperWeights(source.summary().id(), p.length(), terms, model.entities(p, rarity));
    }

    /** A ranked candidate: its summary, its score, and the shared words and entities (named as the paper names them). */
    private static SimilarResult.Hit hit(HitSummary summary, SimilarityModel.Score score) {
        Map<String, HitSummary.EntityRef> byId = summary.entities() == null
                ? Map.of()
                : summary.entities().stream().filter(e -> e.id() != null).collect(Collectors.toMap(
                        e -> PaperFilters.normalise(PaperFields.ENTITY, e.id()), e -> e, (a, b) -> a));
        List<HitSummary.EntityRef> entities = score.entities().stream().map(w -> byId.get(w.value()))
                .filter(e -> e != null).toList();
        List<String> terms = score.terms().stream().map(SimilarityModel.Weighted::value).toList();
        return new SimilarResult.Hit(summary.id(), score.value(), summary, terms, entities);
    }

    /**
     * The query with every {@code similar:ID} in it replaced by the query that finds papers like that paper.
     *
     * @throws QuerySyntaxException when no paper has one of the ids
     */
    Query resolve(IndexSearcher searcher, Query q) throws QuerySyntaxException, IOException {
        if (q instanceof SimilarToQuery s) {
            Indexed source = find(searcher, s.paperId());
            if (source == null) {
                throw new QuerySyntaxException("similar: no paper has the id '" + s.paperId() + "'", s.position());
            }
            return like(source, rarity(searcher.getIndexReader()));
        }
        if (q instanceof BoostQuery b) {
            return new BoostQuery(resolve(searcher, b.getQuery()), b.getBoost());
        }
        if (q instanceof ConstantScoreQuery c) {
            return new ConstantScoreQuery(resolve(searcher, c.getQuery()));
        }
        if (q instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            for (var clause : bq.clauses()) {
                b.add(resolve(searcher, clause.getQuery()), clause.getOccur());
            }
            return b.build();
        }
        return q;
    }

    /** True when the query holds a {@code similar:ID}. */
    static boolean hasSimilar(Query q) {
        if (q instanceof SimilarToQuery) {
            return true;
        }
        if (q instanceof BoostQuery b) {
            return hasSimilar(b.getQuery());
        }
        if (q instanceof ConstantScoreQuery c) {
            return hasSimilar(c.getQuery());
        }
        return q instanceof BooleanQuery bq && bq.clauses().stream().anyMatch(c -> hasSimilar(c.getQuery()));
    }
}
