package org.evwatch.fetcher.watch;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a {@link Watch} in the query language of each source that has one. */
public final class WatchQueries {

    private WatchQueries() {
    }

    /**
     * PubMed: each term in title/abstract ({@code [tiab]}); quoted phrases may end in {@code *} since the 2022
     * search update. MeSH headings widen the net for indexed citations.
     */
    public static String pubmed(Watch watch) {
        String override = watch.queryOverrides().get("pubmed");
        if (override != null) {
            return override;
        }
        String topic = group(watch.topicTerms(), t -> quoteIfPhrase(t) + "[tiab]");
        if (watch.contextTerms().isEmpty()) {
            return topic;
        }
        return topic + " AND " + group(watch.contextTerms(), t -> quoteIfPhrase(t) + "[tiab]");
    }

    /**
     * Europe PMC: terms searched in title and abstract ({@code TITLE_ABS}). Its wildcards work on single words
     * only, so a phrase ending in {@code *} becomes the phrase and its plural.
     */
    public static String europePmc(Watch watch) {
        String override = watch.queryOverrides().get("europepmc");
        if (override != null) {
            return override;
        }
        String topic = group(watch.topicTerms(), WatchQueries::europePmcTerm);
        if (watch.contextTerms().isEmpty()) {
            return topic;
        }
        return topic + " AND " + group(watch.contextTerms(), WatchQueries::europePmcTerm);
    }

    /**
     * Crossref: a plain word list, ranked by relevance and not boolean, so the results are filtered locally with
     * {@link WatchMatcher} afterwards.
     */
    public static String crossref(Watch watch) {
        String override = watch.queryOverrides().get("crossref");
        if (override != null) {
            return override;
        }
        return watch.topicTerms().stream()
                .map(t -> t.replace("*", ""))
                .collect(Collectors.joining(" "));
    }

    private static String europePmcTerm(String term) {
        if (term.contains(" ") && term.endsWith("*")) {
            String stem = term.substring(0, term.length() - 1);
            return "TITLE_ABS:\"" + stem + "\" OR TITLE_ABS:\"" + stem + "s\"";
        }
        return "TITLE_ABS:" + quoteIfPhrase(term);
    }

    private static String quoteIfPhrase(String term) {
        String t = term.trim().toLowerCase(Locale.ROOT);
        return t.contains(" ") ? "\"" + t + "\"" : t;
    }

    private static String group(List<String> terms, java.util.function.Function<String, String> render) {
        return terms.stream().map(render).collect(Collectors.joining(" OR ", "(", ")"));
    }
}
