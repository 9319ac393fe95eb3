package org.evwatch.fetcher.watch;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides locally whether a text matches a {@link Watch}, for sources that cannot search (bioRxiv, feeds) or
 * search loosely (Crossref). Terms match at word starts, case-insensitively, with hyphens or spaces between words.
 */
public final class WatchMatcher {

    private final Watch watch;
    private final List<Pattern> topic;
    private final List<Pattern> context;

    public WatchMatcher(Watch watch) {
        this.watch = watch;
        this.topic = watch.topicTerms().stream().map(WatchMatcher::compile).toList();
        this.context = watch.contextTerms().stream().map(WatchMatcher::compile).toList();
    }

    public Watch watch() {
        return watch;
    }

    public boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return anyFinds(topic, text) && (context.isEmpty() || anyFinds(context, text));
    }

    private static boolean anyFinds(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String term) {
        String t = term.trim();
        boolean open = t.endsWith("*");
        if (open) {
            t = t.substring(0, t.length() - 1);
        }
        StringBuilder regex = new StringBuilder("\\b");
        String[] words = t.split("[\\s-]+");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("[\\s\\-]+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        regex.append(open ? "\\w*" : "\\b");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
