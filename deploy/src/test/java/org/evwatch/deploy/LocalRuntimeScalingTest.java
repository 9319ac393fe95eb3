package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the local runtime reads the scaling variables, without starting anything. */
class LocalRuntimeScalingTest {

    private final LocalStack stack = new LocalStack(LocalStack.Settings.ephemeral(Path.of("."), Path.of("target/x"),
            Path.of("target/lib")));

    @Test
    void severalIndexersAreRefusedWithoutOpenSearch() {
        assertThatThrownBy(() -> LocalRuntime.configureScaling(stack, Map.of("EVWATCH_INDEXERS", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EVWATCH_INDEXERS=2 needs EVWATCH_INDEX_ENGINE=opensearch");
        assertThat(stack.onOpenSearch()).isFalse();
    }

    @Test
    void openSearchTakesSeveralIndexers() {
        LocalRuntime.configureScaling(stack, Map.of("EVWATCH_INDEXERS", "2", "EVWATCH_INDEX_ENGINE", "opensearch"));
        assertThat(stack.onOpenSearch()).isTrue();
        assertThat(LocalRuntime.instances(Map.of("EVWATCH_INDEXERS", "2"), "indexer")).isEqualTo(2);
    }

    @Test
    void oneInstanceUnlessAskedAndANumberOrAClearError() {
        assertThat(LocalRuntime.instances(Map.of(), "fetcher")).isEqualTo(1);
        assertThat(LocalRuntime.instances(Map.of("EVWATCH_FETCHERS", " 3 "), "fetcher")).isEqualTo(3);
        assertThatThrownBy(() -> LocalRuntime.configureScaling(stack, Map.of("EVWATCH_FETCHERS", "two")))
                .hasMessageContaining("EVWATCH_FETCHERS=two is not a number");
    }
}
