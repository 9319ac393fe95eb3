package org.evwatch.gateway.model;

import java.util.ArrayList;
import java.util.List;

/** An ISO-8601 date that may stop at the year or the month, split into its numeric parts. */
public record PartialDate(int year, Integer month, Integer day) {

    /** Parses {@code 2024}, {@code 2024-05} or {@code 2024-05-12} (anything after the day is ignored); null if none. */
    public static PartialDate parse(String iso) {
        if (iso == null || iso.length() < 4) {
            return null;
        }
        String[] parts = iso.trim().split("[-T]", 4);
        try {
            int year = Integer.parseInt(parts[0]);
            Integer month = parts.length > 1 && parts[1].length() == 2 ? Integer.valueOf(parts[1]) : null;
            Integer day = month != null && parts.length > 2 && parts[2].length() >= 2
                    ? Integer.valueOf(parts[2].substring(0, 2))
                    : null;
            if (month != null && (month < 1 || month > 12) || day != null && (day < 1 || day > 31)) {
                return new PartialDate(year, null, null);
            }
            return new PartialDate(year, month, day);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The parts that are known, year first. */
    public List<Integer> parts() {
        List<Integer> parts = new ArrayList<>(List.of(year));
        if (month != null) {
            parts.add(month);
            if (day != null) {
                parts.add(day);
            }
        }
        return parts;
    }
}
