package org.evwatch.extractor.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.extractor.vocab.AnnotatedCorpus;
import org.evwatch.extractor.vocab.Concept;
import org.evwatch.extractor.vocab.LoadReport;
import org.evwatch.extractor.vocab.TermKind;
import org.evwatch.extractor.vocab.VocabularyBuilder;
import org.evwatch.extractor.vocab.VocabularyDirectory;
import org.evwatch.extractor.vocab.VocabularyFormatException;
import org.jboss.logging.Logger;

/**
 * Finds entities in a paper's title, abstract and body and normalises them to vocabulary ids. Dictionary matching
 * over normalised tokens (see {@link Tokenizer}, {@link Dictionary}); abbreviations defined in the paper are
 * resolved through their long form and then recognised wherever they recur; where matches overlap the longest
 * wins, then the better-ranked name, then the earlier one, so the output is deterministic. Given annotated
 * corpora, it also learns from them: the annotated names and their ids ({@link LearnedLexicon}) and the names
 * their annotators usually leave unmarked ({@link PrecisionFilter}). Immutable and thread-safe: build one at start
 * and share it.
 */
public final class EntityRecognizer {

    private static final Logger LOG = Logger.getLogger(EntityRecognizer.class);
    /** Rank given to a short form resolved through its definition: it beats any dictionary reading. */
    private static final int DEFINED_RANK = -1;

    private final Dictionary dictionary;
    private final LoadReport report;
    /** Normalised names not recognised as a type, learned from annotated corpora; empty without training. */
    private final Map<EntityType, Set<String>> suppressed;

    private EntityRecognizer(Dictionary dictionary, LoadReport report, Map<EntityType, Set<String>> suppressed) {
        this.dictionary = dictionary;
        this.report = report;
        this.suppressed = Map.copyOf(suppressed);
    }

    /**
     * Loads the bundled core vocabulary and every standard vocabulary file found under {@code vocabularyDir}, and
     * compiles them. Logs what was loaded, the time taken and the heap the dictionary holds.
     */
    public static EntityRecognizer load(Optional<Path> vocabularyDir) {
        return trained(vocabularyDir, List.of(), List.of());
    }

    /**
     * As {@link #load(Optional)}, then learns from the annotated corpora at {@code trainingCorpora} (PubTator files,
     * LINNAEUS folders; see {@link AnnotatedCorpus#read(Path)}). A corpus that cannot be read is skipped with a
     * warning and reported as failed, like a damaged vocabulary file.
     */
    public static EntityRecognizer load(Optional<Path> vocabularyDir, List<Path> trainingCorpora) {
        List<AnnotatedCorpus> corpora = new ArrayList<>();
        List<LoadReport.Source> failed = new ArrayList<>();
        for (Path p : trainingCorpora) {
            long t = System.nanoTime();
            try {
                corpora.add(AnnotatedCorpus.read(p));
            } catch (IOException | UncheckedIOException | VocabularyFormatException e) {
                LOG.warnf("skipping training corpus %s: %s", p, e.getMessage());
                failed.add(new LoadReport.Source(p.toString(), "annotated corpus", 0, 0,
                        (System.nanoTime() - t) / 1_000_000, String.valueOf(e.getMessage())));
            }
        }
        return trained(vocabularyDir, corpora, failed);
    }

    /** As {@link #load(Optional)}, then learns from corpora already read (e.g. the train split of one). */
    public static EntityRecognizer trained(Optional<Path> vocabularyDir, List<AnnotatedCorpus> corpora) {
        return trained(vocabularyDir, corpora, List.of());
    }

    private static EntityRecognizer trained(Optional<Path> vocabularyDir, List<AnnotatedCorpus> corpora,
            List<LoadReport.Source> failed) {
        long t0 = System.nanoTime();
        long heap0 = usedHeap();
        VocabularyBuilder builder = new VocabularyBuilder();
        List<LoadReport.Source> sources = new ArrayList<>(VocabularyDirectory.load(vocabularyDir.orElse(null),
                builder));
        sources.addAll(failed);
        LearnedLexicon.Stats learned = null;
        long tLearn = System.nanoTime();
        if (!corpora.isEmpty()) {
            int c = builder.conceptCount();
            learned = LearnedLexicon.learn(corpora, builder);
            sources.add(new LoadReport.Source(String.join(", ", corpora.stream().map(AnnotatedCorpus::source)
                    .toList()), "learned lexicon", builder.conceptCount() - c, learned.names(),
                    (System.nanoTime() - tLearn) / 1_000_000, null));
        }
        int concepts = builder.conceptCount();
        int terms = builder.termCount();
        Dictionary d = Dictionary.compile(builder.concepts(), builder.terms());
        builder = null; // measured below: what stays reachable is the dictionary alone
        Map<EntityType, Set<String>> suppressed = Map.of();
        if (!corpora.isEmpty()) {
            long t = System.nanoTime();
            EntityRecognizer untrained = new EntityRecognizer(d, null, Map.of());
            suppressed = PrecisionFilter.suppressed(PrecisionFilter.count(untrained, corpora));
            int n = suppressed.values().stream().mapToInt(Set::size).sum();
            int docs = corpora.stream().mapToInt(k -> k.documents().size()).sum();
            sources.add(new LoadReport.Source(n + " names suppressed, judged on " + docs + " training documents",
                    "learned precision filter", 0, 0, (System.nanoTime() - t) / 1_000_000, null));
            LOG.infof("learned from %d annotated corpora: %d names (%d composite mentions and %d type conflicts "
                    + "skipped), %d names suppressed", corpora.size(), learned.names(), learned.skippedComposite(),
                    learned.skippedTypeConflict(), n);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long measured = usedHeap() - heap0;
        long heap = measured > 0 ? measured : d.estimatedBytes();
        EntityRecognizer r = new EntityRecognizer(d,
                new LoadReport(sources, concepts, terms, d.distinctNames(), millis, heap), suppressed);
        LOG.info(r.report.summary());
        return r;
    }

    /** Compiles an already filled builder; for tests and tools that assemble their own vocabulary. */
    public static EntityRecognizer of(VocabularyBuilder builder) {
        Dictionary d = Dictionary.compile(builder.concepts(), builder.terms());
        return new EntityRecognizer(d, new LoadReport(List.of(), builder.conceptCount(), builder.termCount(),
                d.distinctNames(), 0, d.estimatedBytes()), Map.of());
    }

    /** Normalised names suppressed per type by the learned precision filter; empty without training. */
    public Map<EntityType, Set<String>> suppressedNames() {
        return suppressed;
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

    /** A mention found; {@code coordinated} when read off a coordination ("breast" in "breast and ovarian"). */
    private record Found(int section, int start, int end, int concept, boolean defined, String name,
            boolean acronymOnly, int[] alternatives, boolean coordinated) {

        Found as(int other) {
            return new Found(section, start, end, other, defined, name, acronymOnly, null, coordinated);
        }
    }

    /**
     * A recognised mention in a corpus document, offsets into {@code title + " " + abstract} (or into the body),
     * with its normalised name and whether an abbreviation defined in the document backs it.
     */
    record Occurrence(int start, int end, EntityType type, String name, boolean defined) {
    }

    /** What recognition finds in a corpus document; the precision filter learns from this. */
    List<Occurrence> occurrences(String title, String abstractText, String body) {
        List<Section> sections = new ArrayList<>();
        List<Integer> shifts = new ArrayList<>();
        if (title != null) {
            sections.add(new Section("title", title));
            shifts.add(0);
        }
        if (abstractText != null) {
            sections.add(new Section("abstract", abstractText));
            shifts.add(title == null ? 0 : title.length() + 1);
        }
        if (body != null) {
            sections.add(new Section("body/0", body));
            shifts.add(0);
        }
        List<Occurrence> out = new ArrayList<>();
        for (Found f : find(sections)) {
            if (f.coordinated()) {
                continue; // corpora annotate the whole coordination, never its parts: nothing to learn here
            }
            int shift = shifts.get(f.section());
            out.add(new Occurrence(f.start() + shift, f.end() + shift, dictionary.concept(f.concept()).type(),
                    f.name(), f.defined()));
        }
        return out;
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
            Tokens t = tokens[s];
            if (!suppressed.isEmpty()) {
                candidates.removeIf(h -> h.rank() != DEFINED_RANK && isSuppressed(h, t));
            }
            candidates.removeIf(h -> isProperNounReading(h, t));
            List<Dictionary.Hit> chosen = resolve(candidates, t.size);
            boolean[] taken = new boolean[t.size];
            for (Dictionary.Hit h : chosen) {
                Arrays.fill(taken, h.from(), h.to() + 1, true);
            }
            for (Dictionary.Hit h : chosen) {
                out.add(new Found(s, t.start[h.from()], t.end[h.to()], h.concept(), h.rank() == DEFINED_RANK,
                        t.normalized(h.from(), h.to()),
                        h.caseSensitive() && h.rank() != TermKind.CORE.ordinal(), h.alternatives(), false));
                coordinated(s, t, h, taken, out);
            }
        }
        dropUnsupportedAcronyms(out);
        preferConceptsNamedElsewhere(out);
        return out;
    }

    /** Words joining coordinated modifiers: "breast and ovarian", "brain, breast, and prostate", "lip/palate". */
    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", ",", "/");
    private static final int MAX_COORDINATED = 4;

    /**
     * Diseases named by coordinated modifiers sharing one head: in "breast and ovarian cancers" the dictionary finds
     * "ovarian cancers"; "breast" names breast cancer too. Walking left from a disease over conjunctions, each bare
     * word (not part of another match) is tried with the tail of the disease's name ("breast cancers", and for
     * "breast and squamous cell neoplasms" the shorter "breast neoplasms"); a whole-name disease match is kept, at
     * the modifier's offsets.
     */
    private void coordinated(int section, Tokens t, Dictionary.Hit h, boolean[] taken, List<Found> out) {
        if (h.to() == h.from() || dictionary.concept(h.concept()).type() != EntityType.DISEASE) {
            return;
        }
        int i = h.from() - 1;
        for (int found = 0; found < MAX_COORDINATED && i >= 1 && CONJUNCTIONS.contains(t.norm[i]); found++) {
            int w = i - 1;
            if (t.norm[w].equals(",") && !t.norm[i].equals(",") && w >= 1) {
                w--; // "brain, breast, and prostate"
            }
            if (taken[w] || !isBareWord(t.norm[w])) {
                return;
            }
            String word = t.text.substring(t.start[w], t.end[w]);
            for (int from = h.from() + 1; from <= h.to(); from++) {
                String phrase = word + " " + t.text.substring(t.start[from], t.end[h.to()]);
                int concept = diseaseNamedExactly(phrase);
                if (concept >= 0) {
                    out.add(new Found(section, t.start[w], t.end[w], concept, false, Tokens.normalizedOf(phrase),
                            false, null, true));
                    break;
                }
            }
            i = w - 1;
        }
    }

    private static boolean isBareWord(String norm) {
        if (norm.length() < 3) {
            return false;
        }
        for (int k = 0; k < norm.length(); k++) {
            if (!Character.isLetter(norm.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The disease whose name is the whole phrase (best-ranked reading, not suppressed), or -1. */
    private int diseaseNamedExactly(String phrase) {
        Tokens p = Tokenizer.tokenize(phrase);
        Dictionary.Hit best = null;
        for (Dictionary.Hit h : dictionary.match(p)) {
            if (h.from() == 0 && h.to() == p.size - 1 && h.rank() != DEFINED_RANK
                    && dictionary.concept(h.concept()).type() == EntityType.DISEASE && !isSuppressed(h, p)
                    && (best == null || h.rank() < best.rank())) {
                best = h;
            }
        }
        return best == null ? -1 : best.concept();
    }

    /**
     * A name several concepts share ("barley", "M. bovis", "hamster") is read as the one the paper also names
     * unambiguously ("Hordeum vulgare", "Mycobacterium bovis"), when there is one.
     */
    private static void preferConceptsNamedElsewhere(List<Found> found) {
        Set<Integer> named = new HashSet<>();
        for (Found f : found) {
            if (f.alternatives() == null) {
                named.add(f.concept());
            }
        }
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            if (f.alternatives() == null || named.contains(f.concept())) {
                continue;
            }
            for (int alt : f.alternatives()) {
                if (named.contains(alt)) {
                    found.set(i, f.as(alt));
                    break;
                }
            }
        }
    }

    /**
     * A disease named in a paper only by an acronym from a standard vocabulary or a corpus ("AT", "MEN2"), never
     * defined there nor written out, is more often something else (a nucleotide change, a gene): such mentions are
     * dropped. Curated core names are trusted; chemicals are exempt, since papers use drug acronyms ("5-FU", "DOX")
     * without defining them.
     */
    private void dropUnsupportedAcronyms(List<Found> found) {
        Set<Integer> named = new HashSet<>();
        for (Found f : found) {
            if (!f.acronymOnly()) {
                named.add(f.concept());
            }
        }
        found.removeIf(f -> f.acronymOnly() && !named.contains(f.concept())
                && dictionary.concept(f.concept()).type() == EntityType.DISEASE);
    }

    /**
     * A one-word common name of a species written with a capital inside a sentence is part of a proper name: the
     * "Beaver" of the Beaver Dam Eye Study, the "Merlin" program. Scientific names, the core vocabulary's names and
     * learned names are not read this way, nor names matched with their exact case (a genus synonym, "Mtb"), whose
     * capital is part of the name.
     */
    private boolean isProperNounReading(Dictionary.Hit h, Tokens t) {
        if (h.from() != h.to() || h.rank() != TermKind.SYNONYM.ordinal() || h.caseSensitive()
                || dictionary.concept(h.concept()).type() != EntityType.SPECIES) {
            return false;
        }
        int a = t.start[h.from()];
        int b = t.end[h.from()];
        if (b - a < 2 || !Character.isUpperCase(t.text.charAt(a))) {
            return false;
        }
        for (int k = a + 1; k < b; k++) {
            if (!Character.isLowerCase(t.text.charAt(k))) {
                return false;
            }
        }
        for (int k = a - 1; k >= 0; k--) {
            char c = t.text.charAt(k);
            if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':') {
                return false; // the first word of a sentence or a heading
            }
            if (!Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    private boolean isSuppressed(Dictionary.Hit h, Tokens t) {
        Set<String> names = suppressed.get(dictionary.concept(h.concept()).type());
        return names != null && names.contains(t.normalized(h.from(), h.to()));
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
                    candidates.add(new Dictionary.Hit(i, j, e.getValue(), DEFINED_RANK, false, null));
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
