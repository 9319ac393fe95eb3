package org.evwatch.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Text analysis for papers, the same at index and at query time. The text chain folds accents, drops English stop
 * words and stems with KStem, which is gentler than Porter: "exosomes" finds "exosome" but "vesicular" stays apart
 * from "vesicle", and gene or miRNA symbols are not mangled. Names are folded but not stemmed.
 */
public final class PaperAnalysis {

    /**
     * Adjectives of the field that KStem leaves alone but readers mean as the noun: "exosomal miR-21" is about
     * exosomes. Applied before the stemmer, which then skips them.
     */
    public static final Map<String, String> DOMAIN_STEM_WORDS = Map.of(
            "exosomal", "exosome",
            "ectosomal", "ectosome",
            "oncosomal", "oncosome",
            "microvesicular", "microvesicle");

    private static final StemmerOverrideFilter.StemmerOverrideMap DOMAIN_STEMS;

    static {
        StemmerOverrideFilter.Builder b = new StemmerOverrideFilter.Builder(false);
        DOMAIN_STEM_WORDS.forEach(b::add);
        try {
            DOMAIN_STEMS = b.build();
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final Analyzer TEXT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            stream = new StemmerOverrideFilter(stream, DOMAIN_STEMS);
            stream = new KStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    private static final Analyzer NAME = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    private static final Analyzer PER_FIELD;

    static {
        Map<String, Analyzer> fields = new HashMap<>();
        fields.put(PaperFields.AUTHOR, NAME);
        fields.put(PaperFields.JOURNAL, NAME);
        for (String keyword : new String[]{PaperFields.ID, PaperFields.ENTITY, PaperFields.TYPE, PaperFields.DOI,
                PaperFields.PMID, PaperFields.PMCID, PaperFields.SOURCE, PaperFields.PUBTYPE,
                PaperFields.RELEVANCE}) {
            fields.put(keyword, new KeywordAnalyzer());
        }
        PER_FIELD = new PerFieldAnalyzerWrapper(TEXT, fields);
    }

    private PaperAnalysis() {
    }

    /**
     * The form in which a name is looked up in a {@link Vocabulary}: its words as the text fields index them,
     * stemmed and without stop words, so that "Exosomes" and "exosomal" meet "exosome".
     */
    public static String termKey(String text) {
        return tokens(TEXT, text);
    }

    /** A name's words folded to lower case but not stemmed, for matching what a user has typed so far. */
    public static String formKey(String text) {
        return tokens(NAME, text);
    }

    private static String tokens(Analyzer analyzer, String text) {
        StringBuilder out = new StringBuilder();
        try (TokenStream stream = analyzer.tokenStream(PaperFields.ABSTRACT, text == null ? "" : text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.append(out.isEmpty() ? "" : " ").append(term);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string in memory cannot fail", e);
        }
        return out.toString();
    }

    /** The per-field analyser for an IndexWriter, a MemoryIndex or a highlighter. Thread-safe and shared. */
    public static Analyzer analyzer() {
        return PER_FIELD;
    }
}
