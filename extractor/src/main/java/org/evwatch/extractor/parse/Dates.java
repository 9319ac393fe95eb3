package org.evwatch.extractor.parse;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Source dates in their many spellings, turned into ISO-8601 that may be partial (2024, 2024-05, 2024-05-12). */
final class Dates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12),
            Map.entry("spr", 3), Map.entry("sum", 6), Map.entry("aut", 9), Map.entry("fal", 9), Map.entry("win", 12));

    private static final Pattern ISO = Pattern
            .compile("^(\\d{4})(?:[-/](\\d{1,2})(?:[-/](\\d{1,2}))?)?(?:[T ]\\d.*)?$");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?:^|[\\s,])(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]{3,})\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?:^|[\\s,])([A-Za-z]{3,})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("^(\\d{4})\\s+([A-Za-z]{3,})(?:\\s+(\\d{1,2}))?");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?:^|[\\s,])([A-Za-z]{3,})\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d{2}|2\\d{3})\\b");

    private Dates() {
    }

    /** A date from parts; month may be a number or a name. Null when the year is missing or not a year. */
    static String of(String year, String month, String day) {
        if (year == null || !year.trim().matches("\\d{4}")) {
            return null;
        }
        Integer m = month(month);
        if (m == null) {
            return year.trim();
        }
        Integer d = number(day);
        if (d == null || d < 1 || d > 31) {
            return String.format(Locale.ROOT, "%s-%02d", year.trim(), m);
        }
        return String.format(Locale.ROOT, "%s-%02d-%02d", year.trim(), m, d);
    }

    /** From Crossref-style date parts {@code [2012, 3, 19]}. */
    static String of(int[] parts) {
        if (parts.length == 0 || parts[0] < 1000) {
            return null;
        }
        return of(String.valueOf(parts[0]), parts.length > 1 ? String.valueOf(parts[1]) : null,
                parts.length > 2 ? String.valueOf(parts[2]) : null);
    }

    /** Any free-text date: ISO, RFC 822, "12 March 2024", "May 15 2013", "2017 Jun-Jul", "Dec 2022", "2022". */
    static String parse(String text) {
        String t = Texts.clean(text);
        if (t == null) {
            return null;
        }
        Matcher m = ISO.matcher(t);
        if (m.matches()) {
            return of(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT.matcher(t);
        if (m.matches()) {
            return of(m.group(1), m.group(2), m.group(3));
        }
        m = DAY_MONTH_YEAR.matcher(t);
        if (m.find() && month(m.group(2)) != null) {
            return of(m.group(3), m.group(2), m.group(1));
        }
        m = MONTH_DAY_YEAR.matcher(t);
        if (m.find() && month(m.group(1)) != null) {
            return of(m.group(3), m.group(1), m.group(2));
        }
        m = YEAR_MONTH_DAY.matcher(t);
        if (m.find() && month(m.group(2)) != null) {
            return of(m.group(1), m.group(2), m.group(3));
        }
        m = MONTH_YEAR.matcher(t);
        if (m.find() && month(m.group(1)) != null) {
            return of(m.group(2), m.group(1), null);
        }
        m = YEAR.matcher(t);
        return m.find() ? m.group(1) : null;
    }

    static Integer month(String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        String m = month.trim();
        Integer n = number(m);
        if (n != null) {
            return n >= 1 && n <= 12 ? n : null;
        }
        return m.length() >= 3 ? MONTHS.get(m.substring(0, 3).toLowerCase(Locale.ROOT)) : null;
    }

    private static Integer number(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.isEmpty() || t.length() > 4 || !t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(t);
    }
}
