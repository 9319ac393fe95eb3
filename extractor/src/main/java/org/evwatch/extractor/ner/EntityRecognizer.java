package org.evwatch.extractor.ner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Finds entities in a paper's title, abstract and body and normalises them to vocabulary ids, as a pipeline of
 * stages: {@link DictionaryLookup} (tokens and every dictionary reading), {@link DefinedAbbreviations} (short forms
 * the paper defines), {@link SuppressedNames} (the learned precision filter), {@link ProperNounFilter},
 * {@link LongestMatch} (one reading per token), {@link CoordinatedDiseases}, {@link CoordinatedGenes}, {@link DocumentConsistency} (acronyms
 * and shared names judged on the whole paper), {@link GeneOrganisms} (a gene name read as the gene of the paper's
 * organism), {@link TaggedMentions} (a learned sequence tagger's mentions, when a model is given) and
 * {@link EntityGrouping}. {@link RecognizerLoader} builds it,
 * learning from annotated corpora when given some. Immutable and thread-safe: build one at start and share it.
 */
public final class EntityRecognizer {

    private final Dictionary dictionary;
    private final LoadReport report;
    private final DictionaryLookup lookup;
    private final SuppressedNames suppressed;
    private final ProperNounFilter properNouns;
    private final CoordinatedDiseases coordination;
    private final DocumentConsistency consistency;
    private final EntityGrouping grouping;
    private final GeneOrganisms organisms;
    private final TaggedMentions tagged;

    EntityRecognizer(Dictionary dictionary, LoadReport report, Map<EntityType, Set<String>> suppressed,
            GeneOrganisms organisms) {
        this(dictionary, report, suppressed, organisms, TaggedMentions.NONE);
    }

    private EntityRecognizer(Dictionary dictionary, LoadReport report, Map<EntityType, Set<String>> suppressed,
            GeneOrganisms organisms, TaggedMentions tagged) {
        this.dictionary = dictionary;
        this.report = report;
        this.lookup = new DictionaryLookup(dictionary);
        this.suppressed = new SuppressedNames(dictionary, suppressed);
        this.properNouns = new ProperNounFilter(dictionary);
        this.coordination = new CoordinatedDiseases(dictionary, this.suppressed);
        this.consistency = new DocumentConsistency(dictionary);
        this.grouping = new EntityGrouping(dictionary);
        this.organisms = organisms;
        this.tagged = tagged;
    }

    /**
     * The same recognizer with a learned sequence tagger as one more stage (see {@link TaggedMentions}); null gives
     * the dictionary recognizer alone.
     */
    public EntityRecognizer withTagger(SequenceTagger tagger) {
        return new EntityRecognizer(dictionary, report, suppressed.names(), organisms,
                tagger == null ? TaggedMentions.NONE : new TaggedMentions(tagger, dictionary));
    }

    /** The version of the tagger model in use; empty when the dictionary recognizes alone. */
    public Optional<String> taggerVersion() {
        return Optional.ofNullable(tagged.tagger()).map(SequenceTagger::version);
    }

    /** A mention the learned tagger marks, at character offsets into the text given, before any id is sought. */
    public record Tagged(int start, int end, EntityType type) {
    }

    /** The mentions the learned tagger alone marks in a text (none without a tagger): to measure the tagger. */
    public List<Tagged> tagged(String text) {
        SectionHits section = lookup.lookUp(List.of(new Section("text", text))).get(0);
        Tokens t = section.tokens();
        return tagged.tag(section, true).spans().stream()
                .map(s -> new Tagged(t.start[s.from()], t.end[s.to()], s.type()))
                .toList();
    }

    Dictionary dictionary() {
        return dictionary;
    }

    /**
     * Loads the bundled core vocabulary and every standard vocabulary file found under {@code vocabularyDir}, and
     * compiles them. Logs what was loaded, the time taken and the heap the dictionary holds.
     */
    public static EntityRecognizer load(Optional<Path> vocabularyDir) {
        return RecognizerLoader.trained(vocabularyDir, List.of());
    }

    /**
     * As {@link #load(Optional)}, then learns from the annotated corpora at {@code trainingCorpora} (PubTator files,
     * LINNAEUS folders; see {@link AnnotatedCorpus#read(Path)}). A corpus that cannot be read is skipped with a
     * warning and reported as failed, like a damaged vocabulary file.
     */
    public static EntityRecognizer load(Optional<Path> vocabularyDir, List<Path> trainingCorpora) {
        return RecognizerLoader.load(vocabularyDir, trainingCorpora);
    }

    /** As {@link #load(Optional)}, then learns from corpora already read (e.g. the train split of one). */
    public static EntityRecognizer trained(Optional<Path> vocabularyDir, List<AnnotatedCorpus> corpora) {
        return RecognizerLoader.trained(vocabularyDir, corpora);
    }

    /** Compiles an already filled builder; for tests and tools that assemble their own vocabulary. */
    public static EntityRecognizer of(VocabularyBuilder builder) {
        Dictionary d = Dictionary.compile(builder.concepts(), builder.terms());
        return new EntityRecognizer(d, new LoadReport(List.of(), builder.conceptCount(), builder.termCount(),
                d.distinctNames(), 0, d.estimatedBytes()), Map.of(), GeneOrganisms.NONE);
    }

    /** Normalised names suppressed per type by the learned precision filter; empty without training. */
    public Map<EntityType, Set<String>> suppressedNames() {
        return suppressed.names();
    }

    public LoadReport report() {
        return report;
    }

    /** The concept behind an entity id, e.g. to read its flags. */
    public Optional<Concept> concept(String id) {
        return dictionary.lookup(id);
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
        return grouping.entities(find(sections), sections);
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
        List<SectionHits> hits = lookup.lookUp(sections);
        Map<String, Integer> defined = DefinedAbbreviations.definitions(hits);
        List<Found> out = new ArrayList<>();
        for (int s = 0; s < hits.size(); s++) {
            SectionHits section = hits.get(s);
            SequenceTagger.Tagging tagging = tagged.tag(section);
            DefinedAbbreviations.apply(defined, section);
            suppressed.removeFrom(section);
            properNouns.removeFrom(section);
            tagged.apply(section, tagging);
            chosen(s, section.tokens(), LongestMatch.resolve(section.candidates(), section.tokens().size), out);
        }
        consistency.apply(out);
        organisms.apply(out, dictionary);
        return out;
    }

    /** Each chosen reading as a mention, followed by the diseases its coordinated modifiers name. */
    private void chosen(int section, Tokens t, List<Dictionary.Hit> chosen, List<Found> out) {
        boolean[] taken = new boolean[t.size];
        for (Dictionary.Hit h : chosen) {
            Arrays.fill(taken, h.from(), h.to() + 1, true);
        }
        for (Dictionary.Hit h : chosen) {
            out.add(new Found(section, t.start[h.from()], t.end[h.to()], h.concept(),
                    h.rank() == DefinedAbbreviations.RANK, t.normalized(h.from(), h.to()),
                    h.caseSensitive() && h.rank() != TermKind.CORE.ordinal(), h.alternatives(), false));
            coordination.readModifiers(section, t, h, taken, out);
            CoordinatedGenes.readNumbers(dictionary, suppressed, section, t, h, taken, out);
        }
    }
}
