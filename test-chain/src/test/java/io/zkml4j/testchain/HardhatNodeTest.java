package io.zkml4j.testchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HardhatNodeTest {

    @Test
    void rejectsInvalidOptions() {
        assertThatThrownBy(() -> HardhatNode.builder().port(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> HardhatNode.builder().port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HardhatNode.builder().startupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void freeLoopbackPortIsNotListening() {
        int port = HardhatNode.freeLoopbackPort();
        assertThat(port).isBetween(1, 65_535);
        assertThat(HardhatNode.isListening(port)).isFalse();
    }
}
