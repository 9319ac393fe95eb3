package org.evwatch.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.evwatch.events.EntityType;
import org.evwatch.events.Summary;

/**
 * The values the search filters accept, so that search and saved subscriptions refuse the same ones: entity types and
 * relevance labels by name (case-insensitive, {@code -} for {@code _}), entity ids as {@code NAMESPACE:local}, and free
 * values (journal, publication type, source) of bounded length without control characters.
 */
public final class FilterValues {

    public static final List<String> ENTITY_TYPES = Arrays.stream(EntityType.values()).map(Enum::name).toList();
    public static final List<String> RELEVANCE = Arrays.stream(Summary.Relevance.Label.values()).map(Enum::name)
            .toList();
    public static final int MAX_VALUE_CHARS = 300;
    public static final int MAX_VALUES = 50;

    private static final Pattern ENTITY_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,31}:[^\\s;?#%\\\\]{1,250}");

    private FilterValues() {
    }

    /** The constant a name stands for: {@code off-topic} is {@code OFF_TOPIC}. */
    public static String constant(String value) {
        return value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Whether {@code id} has the form of an entity id ({@code MESH:D009369}, {@code EV:subtype/exosome}). */
    public static boolean isEntityId(String id) {
        return id != null && ENTITY_ID.matcher(id).matches();
    }

    /** Whether text holds a control character, which no field of a paper or a request has a use for. */
    public static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    /** Why the values of one filter cannot be searched, or null when they can. */
    public static String problem(String parameter, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > MAX_VALUES) {
            return "'" + parameter + "' has more than " + MAX_VALUES + " values";
        }
        for (String v : values) {
            String problem = problem(parameter, v);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String problem(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_VALUE_CHARS || hasControl(value)) {
            return "'" + parameter + "' values have at most " + MAX_VALUE_CHARS + " characters and no control "
                    + "characters";
        }
        if (value.isBlank()) {
            return null;
        }
        return switch (parameter) {
            case "entityType" -> ENTITY_TYPES.contains(constant(value))
                    ? null
                    : unknown(parameter, value, ENTITY_TYPES);
            case "relevance" -> RELEVANCE.contains(constant(value)) ? null : unknown(parameter, value, RELEVANCE);
            case "entity" -> isEntityId(value.trim())
                    ? null
                    : "'entity' value '" + value + "' is not an entity id such as MESH:D009369";
            default -> null;
        };
    }

    private static String unknown(String parameter, String value, List<String> allowed) {
        return "unknown " + parameter + " '" + value + "'; allowed: " + String.join(", ", allowed);
    }
}
