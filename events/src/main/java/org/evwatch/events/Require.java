package org.evwatch.events;

/** Field checks for the event records; each failure names the field. */
final class Require {

    private Require() {
    }

    static void present(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
    }

    static void text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
    }

    static void version(int version, int supported) {
        if (version < 1 || version > supported) {
            throw new IllegalArgumentException(
                    "unsupported schemaVersion " + version + " (this reader supports 1.." + supported + ")");
        }
    }
}
