package org.evwatch.extractor.parse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Language codes and names from every source as ISO 639-1 ({@code en}), so that filters work across sources. */
final class Languages {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOLanguages()) {
            Locale locale = Locale.forLanguageTag(code);
            CODES.put(code, code);
            try {
                CODES.put(locale.getISO3Language(), code);
            } catch (java.util.MissingResourceException e) {
                // a two-letter code without a three-letter form is still found by itself
            }
            CODES.putIfAbsent(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        // MEDLINE uses the bibliographic ISO 639-2 codes where they differ from the terminological ones
        for (String[] pair : new String[][]{{"fre", "fr"}, {"ger", "de"}, {"chi", "zh"}, {"dut", "nl"}, {"cze", "cs"},
                {"gre", "el"}, {"per", "fa"}, {"rum", "ro"}, {"slo", "sk"}, {"wel", "cy"}, {"arm", "hy"},
                {"baq", "eu"}, {"geo", "ka"}, {"ice", "is"}, {"mac", "mk"}, {"may", "ms"}, {"alb", "sq"},
                {"bur", "my"}, {"tib", "bo"}}) {
            CODES.put(pair[0], pair[1]);
        }
    }

    private Languages() {
    }

    /** "eng", "en", "en-US", "English (US)" all give "en"; an unknown value is kept lower-cased. */
    static String normalise(String language) {
        String l = Texts.clean(language);
        if (l == null) {
            return null;
        }
        String key = l.toLowerCase(Locale.ROOT);
        String code = CODES.get(key);
        if (code != null) {
            return code;
        }
        String head = key.split("[-_ (]")[0];
        code = CODES.get(head);
        return code != null ? code : key;
    }
}
