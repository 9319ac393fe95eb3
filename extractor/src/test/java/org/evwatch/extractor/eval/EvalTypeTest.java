package org.evwatch.extractor.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.evwatch.events.EntityType;
import org.junit.jupiter.api.Test;

/** Which extracted types a corpus's annotation types score. */
class EvalTypeTest {

    @Test
    void genesMarkersAndNonCodingRnaGenesScoreAsGenesMirnasDoNot() {
        assertThat(EvalType.of(EntityType.GENE)).isEqualTo(EvalType.GENE);
        assertThat(EvalType.of(EntityType.EV_MARKER)).isEqualTo(EvalType.GENE);
        assertThat(EvalType.of(EntityType.NCRNA)).isEqualTo(EvalType.GENE);
        // a mature miRNA is a miRBase id, which no gene annotation can meet
        assertThat(EvalType.of(EntityType.MIRNA)).isNull();
    }
}
