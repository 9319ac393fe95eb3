package org.evwatch.extractor.ner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.extractor.vocab.Concept;
import org.evwatch.extractor.vocab.LoadReport;
import org.evwatch.extractor.vocab.VocabularyBuilder;
import org.evwatch.extractor.vocab.VocabularyDirectory;
import org.jboss.logging.Logger;

/**
 * Finds entities in a paper's title, abstract and body and normalises them to vocabulary ids. Dictionary matching
 * over normalised tokens (see {@link Tokenizer}, {@link Dictionary}); abbreviations defined in the paper are
 * resolved through their long form and then recognised wherever they recur; where matches overlap the longest
 * wins, then the better-ranked name, then the earlier one, so the output is deterministic. Immutable and
 * thread-safe: build one at start and share it.
 */
public final class EntityRecognizer {

    private static final Logger LOG = Logger.getLogger(EntityRecognizer.class);
    /** Rank given to a short form resolved through its definition: it beats any dictionary reading. */
    private static final int DEFINED_RANK = -1;

    private final Dictionary dictionary;
    private final LoadReport report;

    private EntityRecognizer(Dictionary dictionary, LoadReport report) {
        this.dictionary = dictionary;
        this.report = report;
    }

    /**
     * Loads the bundled core vocabulary and every standard vocabulary file found under {@code vocabularyDir}, and
     * compiles them. Logs what was loaded, the time taken and the heap the dictionary holds.
     */
    public static EntityRecognizer load(Optional<Path> vocabularyDir) {
        long t0 = System.nanoTime();
        long heap0 = usedHeap();
        VocabularyBuilder builder = new VocabularyBuilder();
        List<LoadReport.Source> sources = VocabularyDirectory.load(vocabularyDir.orElse(null), builder);
        int concepts = builder.conceptCount();
        int terms = builder.termCount();
        Dictionary d = Dictionary.compile(builder.concepts(), builder.terms());
        builder = null; // measured below: what stays reachable is the dictionary alone
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long measured = usedHeap() - heap0;
        long heap = measured > 0 ? measured : d.estimatedBytes();
        EntityRecognizer r = new EntityRecognizer(d,
                new LoadReport(sources, concepts, terms, d.distinctNames(), millis, heap));
        LOG.info(r.report.summary());
        return r;
    }

    /** Compiles an already filled builder; for tests and tools that assemble their own vocabulary. */
    public static EntityRecognizer of(VocabularyBuilder builder) {
        Dictionary d = Dictionary.compile(builder.concepts(), builder.terms());
        return new EntityRecognizer(d, new LoadReport(List.of(), builder.conceptCount(), builder.termCount(),
                d.distinctNames(), 0, d.estimatedBytes()));
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    public LoadReport report() {
        return report;
    }

    /** The entities of a paper, in order of first mention; each with all its mentions. */
    public List<Entity> recognize(Paper paper) {
        List<Section> sections = new ArrayList<>();
        if (paper.title() != null && !paper.title().isBlank()) {
            sections.add(new Section("title", paper.title()));
        }
        String abs = paper.abstractText();
        if (!abs.isBlank()) {
            sections.add(new Section("abstract", abs));
        }
        for (int i = 0; i < paper.body().size(); i++) {
            String text = paper.body().get(i).text();
            if (text != null && !text.isBlank()) {
                sections.add(new Section("body/" + i, text));
            }
        }
        return toEntities(find(sections), sections);
    }

    private record Section(String name, String text) {
    }

    private record Found(int section, int start, int end, int concept) {
    }

    private List<Found> find(List<Section> sections) {
        int n = sections.size();
        Tokens[] tokens = new Tokens[n];
        List<List<Dictionary.Hit>> hits = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            tokens[s] = Tokenizer.tokenize(sections.get(s).text());
            hits.add(new ArrayList<>(dictionary.match(tokens[s])));
        }
        Map<String, Integer> defined = definitions(sections, tokens, hits);
        List<Found> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            List<Dictionary.Hit> candidates = hits.get(s);
            if (!defined.isEmpty()) {
                applyDefinitions(defined, tokens[s], candidates);
            }
            for (Dictionary.Hit h : resolve(candidates, tokens[s].size)) {
                out.add(new Found(s, tokens[s].start[h.from()], tokens[s].end[h.to()], h.concept()));
            }
        }
        return out;
    }

    /** Short form to concept (or -1 when its long form names nothing we know), from each first definition. */
    private Map<String, Integer> definitions(List<Section> sections, Tokens[] tokens,
            List<List<Dictionary.Hit>> hits) {
        Map<String, Integer> defined = new HashMap<>();
        for (int s = 0; s < sections.size(); s++) {
            for (Abbreviations.Definition d : Abbreviations.find(sections.get(s).text())) {
                if (defined.containsKey(d.shortForm())) {
                    continue;
                }
                Dictionary.Hit best = null;
                for (Dictionary.Hit h : hits.get(s)) {
                    int hs = tokens[s].start[h.from()];
                    int he = tokens[s].end[h.to()];
                    if (he == d.longEnd() && hs >= d.longStart() && (best == null || h.length() > best.length())) {
                        best = h;
                    }
                }
                defined.put(d.shortForm(), best == null ? -1 : best.concept());
            }
        }
        return defined;
    }

    /**
     * Adds each occurrence of a defined short form as a candidate naming its long form's concept, and removes
     * dictionary readings of short forms whose long form is not an entity ("PD" defined as "pharmacodynamics").
     */
    private static void applyDefinitions(Map<String, Integer> defined, Tokens t, List<Dictionary.Hit> candidates) {
        for (Map.Entry<String, Integer> e : defined.entrySet()) {
            Tokens sf = Tokenizer.tokenize(e.getKey());
            if (sf.size == 0) {
                continue;
            }
            String key = sf.caseKey(0, sf.size - 1);
            for (int i = 0; i + sf.size <= t.size; i++) {
                int j = i + sf.size - 1;
                if (!t.wordStart[i] || !t.wordEnd[j] || !sameTokens(t, i, sf) || !key.equals(t.caseKey(i, j))) {
                    continue;
                }
                int from = i;
                candidates.removeIf(h -> h.from() == from && h.to() == j);
                if (e.getValue() >= 0) {
                    candidates.add(new Dictionary.Hit(i, j, e.getValue(), DEFINED_RANK));
                }
            }
        }
    }

    private static boolean sameTokens(Tokens t, int at, Tokens sf) {
        for (int k = 0; k < sf.size; k++) {
            if (!t.norm[at + k].equals(sf.norm[k])) {
                return false;
            }
        }
        return true;
    }

    /** Longest first, then best rank, then leftmost; a token belongs to at most one match. */
    private static List<Dictionary.Hit> resolve(List<Dictionary.Hit> candidates, int tokenCount) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Dictionary.Hit> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt((Dictionary.Hit h) -> -h.length()).thenComparingInt(Dictionary.Hit::rank)
                .thenComparingInt(Dictionary.Hit::from));
        boolean[] taken = new boolean[tokenCount];
        List<Dictionary.Hit> chosen = new ArrayList<>();
        outer : for (Dictionary.Hit h : sorted) {
            for (int i = h.from(); i <= h.to(); i++) {
                if (taken[i]) {
                    continue outer;
                }
            }
            for (int i = h.from(); i <= h.to(); i++) {
                taken[i] = true;
            }
            chosen.add(h);
        }
        chosen.sort(Comparator.comparingInt(Dictionary.Hit::from));
        return chosen;
    }

    private List<Entity> toEntities(List<Found> found, List<Section> sections) {
        Map<Integer, List<Entity.Mention>> byConcept = new LinkedHashMap<>();
        for (Found f : found) {
            Section s = sections.get(f.section());
            byConcept.computeIfAbsent(f.concept(), k -> new ArrayList<>())
                    .add(new Entity.Mention(f.start(), f.end(), s.text().substring(f.start(), f.end()), s.name()));
        }
        List<Entity> out = new ArrayList<>(byConcept.size());
        for (Map.Entry<Integer, List<Entity.Mention>> e : byConcept.entrySet()) {
            Concept c = dictionary.concept(e.getKey());
            out.add(new Entity(c.type(), c.id(), c.namespace(), c.name(), c.xrefs(), e.getValue()));
        }
        return out;
    }

    /** The concept behind an entity id, e.g. to read its flags. */
    public Optional<Concept> concept(String id) {
        return dictionary.lookup(id);
    }
}
