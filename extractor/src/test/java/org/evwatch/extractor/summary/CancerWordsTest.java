package org.evwatch.extractor.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

class CancerWordsTest {

    /** Pieces that make and break the words, overlap them, and try letters only Unicode case folding would match. */
    private static final String[] PIECES = {"cancer", "CANCER", "Carcinoma", "adenocarcinoma", "tumour", "tuMOr",
            "tumoUr", "tumo", "ur", "r", "neoplasm", "leukaemia", "Leukemia", "leuk", "a", "emia", "lymphoma",
            "melanoma",
            "glioma", "glioblastoma", "GLIOBLASTOMA", "neuroblastoma", "sarcoma", "myeloma", "blastoma", "metastasis",
            "oncogene", "oncology", "malignant", "mesothelioma", "adenoma", "gli", "om", " ", "-", " the ", "é",
            "\u212A",
            "\u0130", "\u017F", "Tumor", "MALIGNAN", "car", "cinom"};

    @Test
    void countsWhatThePatternFinds() {
        Random random = new Random(16);
        for (int round = 0; round < 20_000; round++) {
            String text = text(random);
            assertThat(CancerWords.count(text)).as(text).isEqualTo(patternCount(text));
            assertThat(CancerWords.in(text)).as(text).isEqualTo(CancerWords.PATTERN.matcher(text).find());
        }
    }

    @Test
    void countsOverlappingWordsOnceFromTheLeft() {
        assertThat(CancerWords.count("Glioblastoma and neuroblastoma TUMOURS, a tumor")).isEqualTo(4);
        assertThat(CancerWords.count("adenocarcinoma")).isEqualTo(1);
        assertThat(CancerWords.count(null)).isZero();
        assertThat(CancerWords.in("extracellular vesicles")).isFalse();
    }

    @Test
    void lowerCasesAsciiCapitalsOnly() {
        assertThat(CancerWords.asciiLowerCase("Tumour \u212A \u0130 É")).isEqualTo("tumour \u212A \u0130 É");
        String plain = "already lower case";
        assertThat(CancerWords.asciiLowerCase(plain)).isSameAs(plain);
    }

    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static int patternCount(String text) {
        Matcher m = CancerWords.PATTERN.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
