package org.evwatch.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * The query syntax of search, subscriptions and the live stream: words (AND by default), "phrases", AND / OR / NOT,
 * {@code -word}, parentheses, {@code field:value}, {@code year:[2020 TO 2024]} and trailing wildcards.
 * <p>
 * A hand-written recursive-descent parser rather than Lucene's classic one, for two reasons: every error carries the
 * exact character offset, and hostile input (very long, deeply nested, leading wildcards, absurd ranges, thousands
 * of terms) is refused up front with a clear message instead of a stack overflow or an expensive query.
 */
public final class QuerySyntax {

    /** Longest query accepted, in characters. */
    public static final int MAX_LENGTH = 2_000;
    /** Deepest nesting of parentheses accepted. */
    public static final int MAX_DEPTH = 16;
    /** Most words and phrases in one query. */
    public static final int MAX_TERMS = 128;
    /** Fewest characters before a wildcard, so that {@code a*} cannot expand to half the dictionary. */
    public static final int MIN_WILDCARD_PREFIX = 2;
    public static final int MIN_YEAR = 1000;
    public static final int MAX_YEAR = 2999;

    /**
     * {@code similar:ID} finds the papers like the paper with that id (see {@link SimilarToQuery}); not a field of
     * the index, so the searcher resolves it.
     */
    public static final String SIMILAR = "similar";

    /** The names users type before a colon. */
    public static final Set<String> FIELDS = Set.of(SIMILAR, PaperFields.TITLE, PaperFields.ABSTRACT,
            PaperFields.BODY,
            PaperFields.AUTHOR, PaperFields.JOURNAL, PaperFields.KEYWORD, PaperFields.ENTITY, PaperFields.TYPE,
            PaperFields.DOI,
            PaperFields.PMID, PaperFields.PMCID, PaperFields.YEAR, PaperFields.SOURCE, PaperFields.PUBTYPE,
            PaperFields.RELEVANCE, PaperFields.TLDR);

    private static final Set<String> KEYWORD_FIELDS = Set.of(PaperFields.ENTITY, PaperFields.TYPE, PaperFields.DOI,
            PaperFields.PMID, PaperFields.PMCID, PaperFields.SOURCE, PaperFields.PUBTYPE, PaperFields.RELEVANCE);

    /**
     * A bare word scores by its best field alone ("best fields", as Elasticsearch's default multi-field match).
     * A tie-breaker above zero would let the other fields add a little, but it also stops Lucene from skipping
     * documents that cannot reach the first page (block-max WAND): ranking a broad word over a million papers went
     * from about 4 ms to about 30 ms with a tie-breaker of 0.1 (docs/benchmarks.md, Indexer).
     */
    private static final float DISMAX_TIE = 0.0f;

    /**
     * What a paper annotated with the entity a word names scores when it lacks the word itself: a constant below what
     * the word scores where it is written, so that literal matches rank first.
     */
    static final float EXPANSION_BOOST = 0.2f;

    private QuerySyntax() {
    }

    /** A parsed query and the expansions it used, in the order the query names them. */
    public record Parsed(Query query, List<Expansion> expansions) {

        public Parsed {
            expansions = List.copyOf(expansions);
        }
    }

    /** Parses a query without expanding entity names; null, empty or blank matches every paper. */
    public static Query parse(String q) throws QuerySyntaxException {
        return parse(q, Vocabulary.NONE).query();
    }

    /**
     * Parses a query; null, empty or blank matches every paper. A bare word or phrase that names an entity in the
     * vocabulary also finds the papers annotated with that entity, and {@code entity:} takes names as well as ids.
     */
    public static Parsed parse(String q, Vocabulary vocabulary) throws QuerySyntaxException {
        if (q == null || q.isBlank()) {
            return new Parsed(new MatchAllDocsQuery(), List.of());
        }
        if (q.length() > MAX_LENGTH) {
            throw new QuerySyntaxException("query is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        Parser parser = new Parser(q, vocabulary);
        Query query = parser.parseAll();
        return new Parsed(query, List.copyOf(parser.expansions));
    }

    /** A parsed operand and whether it was negated with NOT or a leading minus. */
    private record Operand(Query query, boolean negated) {
    }

    private static final class Parser {
        private final String text;
        private final Analyzer analyzer = PaperAnalysis.analyzer();
        private final QueryBuilder builder = new QueryBuilder(PaperAnalysis.analyzer());
        private final Vocabulary vocabulary;
        private final Set<Expansion> expansions = new LinkedHashSet<>();
        private int pos;
        private int terms;

        Parser(String text, Vocabulary vocabulary) {
            this.text = text;
            this.vocabulary = vocabulary;
            builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        }

        Query parseAll() throws QuerySyntaxException {
            Query query = parseOr(null, 0);
            skipSpace();
            if (pos < text.length()) {
                // Only a stray closing parenthesis stops parseOr before the end.
                throw new QuerySyntaxException("unexpected ')' without a matching '('", pos);
            }
            return query == null ? new MatchNoDocsQuery("no searchable words") : query;
        }

        /** or := and (OR and)* */
        private Query parseOr(String field, int depth) throws QuerySyntaxException {
            List<Operand> alternatives = new ArrayList<>();
            alternatives.add(parseAnd(field, depth));
            while (true) {
                skipSpace();
                if (!atKeyword("OR")) {
                    break;
                }
                int at = pos;
                pos += 2;
                skipSpace();
                if (atEnd() || peek() == ')' || atKeyword("OR") || atKeyword("AND")) {
                    throw new QuerySyntaxException("OR needs a term on its right", at);
                }
                alternatives.add(parseAnd(field, depth));
            }
            if (alternatives.size() == 1) {
                Operand only = alternatives.get(0);
                return only.negated() ? onlyNegative(Collections.singletonList(only.query())) : only.query();
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int added = 0;
            for (Operand alternative : alternatives) {
                Query q = alternative.negated()
                        ? onlyNegative(Collections.singletonList(alternative.query()))
                        : alternative.query();
                if (q != null) {
                    b.add(q, Occur.SHOULD);
                    added++;
                }
            }
            return added == 0 ? null : b.build();
        }

        /** and := unary ((AND)? unary)* — juxtaposed operands must all match. */
        private Operand parseAnd(String field, int depth) throws QuerySyntaxException {
            List<Operand> operands = new ArrayList<>();
            operands.add(parseUnary(field, depth));
            while (true) {
                skipSpace();
                if (atEnd() || peek() == ')' || atKeyword("OR")) {
                    break;
                }
                if (atKeyword("AND")) {
                    int at = pos;
                    pos += 3;
                    skipSpace();
                    if (atEnd() || peek() == ')' || atKeyword("OR") || atKeyword("AND")) {
                        throw new QuerySyntaxException("AND needs a term on its right", at);
                    }
                }
                operands.add(parseUnary(field, depth));
            }
            if (operands.size() == 1) {
                return operands.get(0);
            }
            List<Query> must = new ArrayList<>();
            List<Query> mustNot = new ArrayList<>();
            for (Operand operand : operands) {
                if (operand.query() == null) {
                    continue;
                }
                (operand.negated() ? mustNot : must).add(operand.query());
            }
            if (must.isEmpty()) {
                return new Operand(onlyNegative(mustNot), false);
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            must.forEach(q -> b.add(q, Occur.MUST));
            mustNot.forEach(q -> b.add(q, Occur.MUST_NOT));
            return new Operand(b.build(), false);
        }

        /** unary := (NOT | '-' | '+') unary | primary */
        private Operand parseUnary(String field, int depth) throws QuerySyntaxException {
            skipSpace();
            int at = pos;
            if (atKeyword("NOT") || (!atEnd() && (peek() == '-' || peek() == '+'))) {
                boolean not = atKeyword("NOT");
                boolean minus = !not && peek() == '-';
                pos += not ? 3 : 1;
                if (!not && (atEnd() || Character.isWhitespace(peek()))) {
                    throw new QuerySyntaxException("'" + text.charAt(at) + "' must be followed by a term", at);
                }
                skipSpace();
                if (atEnd() || peek() == ')' || atKeyword("OR") || atKeyword("AND")) {
                    throw new QuerySyntaxException("NOT needs a term on its right", at);
                }
                Operand inner = parseUnary(field, depth);
                boolean negate = not || minus;
                return new Operand(inner.query(), negate != inner.negated());
            }
            return new Operand(parsePrimary(field, depth), false);
        }

        /** primary := '(' or ')' | phrase | field ':' value | word */
        private Query parsePrimary(String field, int depth) throws QuerySyntaxException {
            skipSpace();
            if (atEnd()) {
                throw new QuerySyntaxException("the query ends where a term was expected", pos);
            }
            if (atKeyword("OR") || atKeyword("AND")) {
                throw new QuerySyntaxException((atKeyword("OR") ? "OR" : "AND") + " needs a term on its left", pos);
            }
            char c = peek();
            if (c == '(') {
                return parseGroup(field, depth);
            }
            if (c == ')') {
                throw new QuerySyntaxException("unexpected ')' where a term was expected", pos);
            }
            if (c == '"') {
                int at = pos;
                String phrase = readPhrase();
                return phraseQuery(field, phrase, at);
            }
            int start = pos;
            String word = readWord();
            int colon = word.indexOf(':');
            if (colon > 0 && word.substring(0, colon).chars().allMatch(Character::isLetter)) {
                String name = word.substring(0, colon);
                if (field != null) {
                    throw new QuerySyntaxException("a field cannot be given inside " + field + ":( )", start);
                }
                String known = knownField(name, start);
                String value = word.substring(colon + 1);
                int valueAt = start + colon + 1;
                if (!value.isEmpty()) {
                    return wordQuery(known, value, valueAt);
                }
                if (atEnd() || Character.isWhitespace(peek())) {
                    throw new QuerySyntaxException(name + ": needs a value", valueAt);
                }
                char next = peek();
                if (next == '"') {
                    return phraseQuery(known, readPhrase(), valueAt);
                }
                if (next == '(') {
                    return parseGroup(known, depth);
                }
                if (next == '[' || next == '{') {
                    return parseRange(known, valueAt);
                }
                throw new QuerySyntaxException("unexpected '" + next + "' after " + name + ":", valueAt);
            }
            return wordQuery(field, word, start);
        }

        private Query parseGroup(String field, int depth) throws QuerySyntaxException {
            int open = pos;
            if (depth + 1 > MAX_DEPTH) {
                throw new QuerySyntaxException("parentheses are nested deeper than " + MAX_DEPTH, open);
            }
            pos++;
            skipSpace();
            if (!atEnd() && peek() == ')') {
                throw new QuerySyntaxException("empty parentheses", open);
            }
            Query inner = parseOr(field, depth + 1);
            skipSpace();
            if (atEnd() || peek() != ')') {
                throw new QuerySyntaxException("'(' is never closed", open);
            }
            pos++;
            return inner;
        }

        private Query parseRange(String field, int at) throws QuerySyntaxException {
            char open = peek();
            char close = open == '[' ? ']' : '}';
            int end = text.indexOf(close, pos);
            int otherEnd = text.indexOf(open == '[' ? '}' : ']', pos);
            if (otherEnd >= 0 && (end < 0 || otherEnd < end)) {
                end = otherEnd;
            }
            if (end < 0) {
                throw new QuerySyntaxException("range is never closed", at);
            }
            if (!PaperFields.YEAR.equals(field)) {
                throw new QuerySyntaxException("ranges are supported on year: only", at);
            }
            String body = text.substring(pos + 1, end).trim();
            String[] parts = body.split("\\s+");
            if (parts.length != 3 || !parts[1].equals("TO")) {
                throw new QuerySyntaxException("a range reads [FROM TO TO], e.g. year:[2020 TO 2024]", at);
            }
            int bodyAt = pos + 1;
            int lower = parts[0].equals("*") ? MIN_YEAR : year(parts[0], text.indexOf(parts[0], bodyAt));
            int upper = parts[2].equals("*")
                    ? MAX_YEAR
                    : year(parts[2], text.lastIndexOf(parts[2], end));
            if (open == '{' && !parts[0].equals("*")) {
                lower++;
            }
            if (text.charAt(end) == '}' && !parts[2].equals("*")) {
                upper--;
            }
            pos = end + 1;
            countTerm(at);
            if (lower > upper) {
                return new MatchNoDocsQuery("empty year range");
            }
            return IntPoint.newRangeQuery(PaperFields.YEAR, lower, upper);
        }

        private int year(String value, int at) throws QuerySyntaxException {
            if (value.isEmpty() || value.length() > 4 || !value.chars().allMatch(Character::isDigit)) {
                throw new QuerySyntaxException("'" + clip(value) + "' is not a year", at);
            }
            int year = Integer.parseInt(value);
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw new QuerySyntaxException("year must be between " + MIN_YEAR + " and " + MAX_YEAR, at);
            }
            return year;
        }

        private String knownField(String name, int at) throws QuerySyntaxException {
            for (String field : FIELDS) {
                if (field.equalsIgnoreCase(name)) {
                    return field;
                }
            }
            throw new QuerySyntaxException("unknown field '" + clip(name) + "'; known fields: "
                    + String.join(", ", FIELDS.stream().sorted().toList()), at);
        }

        private Query wordQuery(String field, String word, int at) throws QuerySyntaxException {
            countTerm(at);
            if (SIMILAR.equals(field)) {
                return new SimilarToQuery(word, at);
            }
            int wildcard = firstWildcard(word);
            if (wildcard >= 0) {
                return wildcardQuery(field, word, wildcard, at);
            }
            if (PaperFields.YEAR.equals(field)) {
                return IntPoint.newExactQuery(PaperFields.YEAR, year(word, at));
            }
            if (field != null && KEYWORD_FIELDS.contains(field)) {
                return keywordQuery(field, word, at);
            }
            if (field == null) {
                return expand(word, acrossDefaultFields(f -> builder.createBooleanQuery(f, word, Occur.MUST)));
            }
            return builder.createBooleanQuery(field, word, Occur.MUST);
        }

        private Query phraseQuery(String field, String phrase, int at) throws QuerySyntaxException {
            countTerm(at);
            if (phrase.isBlank()) {
                throw new QuerySyntaxException("empty phrase", at);
            }
            if (SIMILAR.equals(field)) {
                return new SimilarToQuery(phrase.trim(), at);
            }
            if (PaperFields.YEAR.equals(field)) {
                return IntPoint.newExactQuery(PaperFields.YEAR, year(phrase.trim(), at + 1));
            }
            if (field != null && KEYWORD_FIELDS.contains(field)) {
                return keywordQuery(field, phrase, at);
            }
            if (field == null) {
                return expand(phrase, acrossDefaultFields(f -> builder.createPhraseQuery(f, phrase)));
            }
            return builder.createPhraseQuery(field, phrase);
        }

        private Query keywordQuery(String field, String value, int at) throws QuerySyntaxException {
            Query byName = PaperFields.ENTITY.equals(field) && !FilterValues.isEntityId(value.trim())
                    ? entityByName(value, at)
                    : null;
            if (byName != null) {
                return byName;
            }
            String normalised = PaperFilters.normalise(field, value);
            return normalised == null
                    ? new MatchNoDocsQuery("blank value")
                    : new TermQuery(new Term(field, normalised));
        }

        /**
         * {@code entity:} followed by a name: the entities the vocabulary says it names; null when a partial
         * vocabulary does not know the name, which is then searched as given.
         */
        private Query entityByName(String name, int at) throws QuerySyntaxException {
            List<Vocabulary.Entity> named = vocabulary.lookup(name);
            if (named.isEmpty()) {
                if (vocabulary.complete() && !name.isBlank()) {
                    throw new QuerySyntaxException("no entity is named '" + clip(name.trim()) + "'; entity: takes an "
                            + "id such as MESH:D009369 or the name of an entity found in papers", at);
                }
                return null;
            }
            named.forEach(e -> expansions.add(new Expansion(name.trim(), e.id(), e.type(), e.name())));
            return PaperFilters.anyOf(PaperFields.ENTITY, named.stream().map(Vocabulary.Entity::id).toList());
        }

        /**
         * A bare word or phrase that names entities matches as written or, scoring less, by the entities: a paper
         * that says "small EVs" where the extractor linked them to the exosome is found by "exosome".
         */
        private Query expand(String term, Query literal) {
            List<Vocabulary.Entity> named = literal == null ? List.of() : vocabulary.lookup(term);
            if (named.isEmpty()) {
                return literal;
            }
            named.forEach(e -> expansions.add(new Expansion(term, e.id(), e.type(), e.name())));
            Query entities = new ConstantScoreQuery(
                    PaperFilters.anyOf(PaperFields.ENTITY, named.stream().map(Vocabulary.Entity::id).toList()));
            return new BooleanQuery.Builder().add(literal, Occur.SHOULD)
                    .add(new BoostQuery(entities, EXPANSION_BOOST), Occur.SHOULD).build();
        }

        private Query wildcardQuery(String field, String word, int wildcard, int at) throws QuerySyntaxException {
            if (wildcard == 0) {
                throw new QuerySyntaxException("a word cannot start with a wildcard", at);
            }
            if (wildcard < MIN_WILDCARD_PREFIX) {
                throw new QuerySyntaxException(
                        "a wildcard needs at least " + MIN_WILDCARD_PREFIX + " characters before it", at + wildcard);
            }
            if (PaperFields.YEAR.equals(field)) {
                throw new QuerySyntaxException("year: takes a year or a range, not a wildcard", at + wildcard);
            }
            boolean prefixOnly = wildcard == word.length() - 1 && word.charAt(wildcard) == '*';
            if (field == null) {
                return acrossDefaultFields(f -> multiTerm(f, word, prefixOnly));
            }
            return multiTerm(field, word, prefixOnly);
        }

        private Query multiTerm(String field, String word, boolean prefixOnly) {
            String value;
            if (KEYWORD_FIELDS.contains(field)) {
                String stem = PaperFilters.normalise(field, word.substring(0, word.length() - (prefixOnly ? 1 : 0)));
                value = stem == null ? "" : stem;
            } else {
                BytesRef normalised = analyzer.normalize(field,
                        prefixOnly ? word.substring(0, word.length() - 1) : word);
                value = normalised.utf8ToString();
            }
            return prefixOnly
                    ? new PrefixQuery(new Term(field, value))
                    : new WildcardQuery(new Term(field, value));
        }

        /** A bare word or phrase searches every default field; the best field counts, the others break ties. */
        private Query acrossDefaultFields(java.util.function.Function<String, Query> perField) {
            List<Query> disjuncts = new ArrayList<>();
            for (Map.Entry<String, Float> field : PaperFields.DEFAULT_FIELDS.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                Query q = perField.apply(field.getKey());
                if (q != null) {
                    disjuncts.add(field.getValue() == 1.0f ? q : new BoostQuery(q, field.getValue()));
                }
            }
            // A stop word analyses to nothing in every field: the word is dropped, as search engines do.
            return disjuncts.isEmpty() ? null : new DisjunctionMaxQuery(disjuncts, DISMAX_TIE);
        }

        /** Everything but the excluded; null when every excluded word was a stop word (nothing to search). */
        private static Query onlyNegative(List<Query> excluded) {
            List<Query> present = excluded.stream().filter(q -> q != null).toList();
            if (present.isEmpty()) {
                return null;
            }
            // Lucene matches nothing with only MUST_NOT clauses; "-word" means "everything but word".
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
            present.forEach(q -> b.add(q, Occur.MUST_NOT));
            return b.build();
        }

        private void countTerm(int at) throws QuerySyntaxException {
            if (++terms > MAX_TERMS) {
                throw new QuerySyntaxException("more than " + MAX_TERMS + " terms", at);
            }
        }

        private static int firstWildcard(String word) {
            for (int i = 0; i < word.length(); i++) {
                if (word.charAt(i) == '*' || word.charAt(i) == '?') {
                    return i;
                }
            }
            return -1;
        }

        private String readPhrase() throws QuerySyntaxException {
            int open = pos;
            int close = text.indexOf('"', pos + 1);
            if (close < 0) {
                throw new QuerySyntaxException("phrase is never closed: missing '\"'", open);
            }
            pos = close + 1;
            return text.substring(open + 1, close);
        }

        /** A word runs to whitespace, a parenthesis or a quote; after "field:" a range or group may follow. */
        private String readWord() {
            int start = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
                    break;
                }
                if ((c == '[' || c == '{') && pos > start && text.charAt(pos - 1) == ':') {
                    break;
                }
                pos++;
            }
            return text.substring(start, pos);
        }

        /** An operator keyword: upper case, standing alone. */
        private boolean atKeyword(String keyword) {
            if (!text.startsWith(keyword, pos)) {
                return false;
            }
            int after = pos + keyword.length();
            return after == text.length() || Character.isWhitespace(text.charAt(after)) || text.charAt(after) == '('
                    || text.charAt(after) == '"' || text.charAt(after) == '-';
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean atEnd() {
            return pos >= text.length();
        }

        private char peek() {
            return text.charAt(pos);
        }

        private static String clip(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
