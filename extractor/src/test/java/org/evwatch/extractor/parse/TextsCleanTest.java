package org.evwatch.extractor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TextsCleanTest {

    /** Every character of the whitespace class, characters next to it that are not in it, and plain text. */
    private static final String[] PIECES = {" ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2000", "\u200A",
            "\u200B", "\u200C", "\u202F", "\u205F", "\u3000", "\uFEFF", "\u0001", "\u001F", "\u0085", "\u1680",
            "\u2028",
            "a", "Word", "é", "中", "\uD83D\uDE00", "x y"};

    @Test
    void collapsesAsTheWhitespacePatternDoes() {
        Random random = new Random(16);
        for (int round = 0; round < 50_000; round++) {
            StringBuilder b = new StringBuilder();
            int pieces = random.nextInt(10);
            for (int i = 0; i < pieces; i++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            String expected = Texts.SPACES.matcher(text).replaceAll(" ").trim();
            assertThat(Texts.clean(text)).as("%s", text.chars().boxed().toList())
                    .isEqualTo(expected.isEmpty() ? null : expected);
        }
    }

    @Test
    void keepsCleanTextAsItIs() {
        assertThat(Texts.clean("  Exosomes\u00A0in\n\ncancer\u3000")).isEqualTo("Exosomes in cancer");
        assertThat(Texts.clean(" \t\uFEFF")).isNull();
        assertThat(Texts.clean(null)).isNull();
        String plain = "Exosomes in cancer";
        assertThat(Texts.clean(plain)).isSameAs(plain);
    }
}
