package org.evwatch.fetcher.source;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A range of whole days, both ends included: the unit a source fetches and a cursor remembers.
 */
public record DateWindow(LocalDate from, LocalDate to) {

    public DateWindow {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a window needs from <= to, got " + from + ".." + to);
        }
    }

    public static DateWindow day(LocalDate day) {
        return new DateWindow(day, day);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The first half (the longer one when the days are odd) and the rest; a single day cannot be split. */
    public DateWindow[] halves() {
        if (days() < 2) {
            throw new IllegalStateException("a single day cannot be split: " + this);
        }
        LocalDate firstEnd = from.plusDays((days() + 1) / 2 - 1);
        return new DateWindow[]{new DateWindow(from, firstEnd), new DateWindow(firstEnd.plusDays(1), to)};
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
