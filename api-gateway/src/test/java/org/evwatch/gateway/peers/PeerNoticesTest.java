package org.evwatch.gateway.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PeerNoticesTest {

    private static final String INSTANCE = "0b7c6a0e-2f7e-4d8a-9a51-0d3f2c1e9b77";

    @Test
    void aFewNumbersGoInOneNoticeAndReadBack() {
        List<String> payloads = PeerNotices.payloads(INSTANCE, List.of(7L, 8L, 12L));
        assertThat(payloads).containsExactly(INSTANCE + " 7,8,12");
        PeerNotices.Announced read = PeerNotices.Announced.parse(payloads.get(0));
        assertThat(read.instance()).isEqualTo(INSTANCE);
        assertThat(read.seqs()).containsExactly(7L, 8L, 12L);
    }

    @Test
    void manyNumbersAreSplitUnderPostgresqlsPayloadLimitAndNoneIsLost() {
        List<Long> seqs = LongStream.rangeClosed(9_000_000_000L, 9_000_002_000L).boxed().toList();
        List<String> payloads = PeerNotices.payloads(INSTANCE, seqs);
        assertThat(payloads).hasSizeGreaterThan(1)
                .allSatisfy(p -> assertThat(p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(PeerNotices.MAX_PAYLOAD));
        List<Long> back = new ArrayList<>();
        for (String p : payloads) {
            PeerNotices.Announced read = PeerNotices.Announced.parse(p);
            assertThat(read.instance()).isEqualTo(INSTANCE);
            LongStream.of(read.seqs()).forEach(back::add);
        }
        assertThat(back).isEqualTo(seqs);
    }
}
