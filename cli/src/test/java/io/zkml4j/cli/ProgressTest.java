package io.zkml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    private Progress progress(Ui.ProgressMode mode, Duration delay, Duration interval) {
        return new Progress("prove", mode, errStream, 80, false, delay, interval);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Waits (up to 10 s: the build machine may be busy) until stderr contains {@code text}. */
    private void awaitErr(String text) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!err().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(err()).contains(text);
    }

    @Test
    void shortStepsPrintNothing() {
        for (Ui.ProgressMode mode : Ui.ProgressMode.values()) {
            try (Progress p = progress(mode, Duration.ofSeconds(30), Duration.ofSeconds(1))) {
                p.stage("msm-a", 0.4);
                p.finish();
            }
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void plainModePrintsPeriodicLinesWithStageAndPercent() throws InterruptedException {
        Progress p = progress(Ui.ProgressMode.PLAIN, Duration.ZERO, Duration.ofMillis(150));
        try (p) {
            p.stage("reading circuit.zkey");
            awaitErr("zkml4j prove: reading circuit.zkey, ");
            p.stage("msm-b2", 0.55);
            awaitErr("zkml4j prove: msm-b2 (55%), ");
            p.finish();
        }
        String text = err();
        assertThat(p.plainLines()).isGreaterThanOrEqualTo(2);
        assertThat(text.lines()).hasSize(p.plainLines())
                .allMatch(l -> l.matches("zkml4j prove: [a-z0-9 .-]+( \\(\\d+%\\))?, \\d+\\.\\d s"));
        int lines = p.plainLines();
        Thread.sleep(300);
        assertThat(p.plainLines()).as("nothing after close").isEqualTo(lines);
        assertThat(err()).isEqualTo(text);
    }

    @Test
    void barModeDrawsTheBarAndEndsItAtOneHundredPercentOnSuccess() throws InterruptedException {
        try (Progress p = progress(Ui.ProgressMode.BAR, Duration.ZERO, Duration.ofSeconds(10))) {
            p.stage("msm-a", 0.35);
            awaitErr("35%");
            p.finish();
        }
        String text = err();
        assertThat(text).contains("prove").contains("35%").contains("100%").contains("\r").endsWith("\n");
        assertThat(text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElseThrow()).contains("done");
    }

    @Test
    void barWithoutFinishStopsWhereItWas() throws InterruptedException {
        try (Progress p = progress(Ui.ProgressMode.BAR, Duration.ZERO, Duration.ofSeconds(10))) {
            p.stage("msm-c", 0.85);
            awaitErr("85%");
        }
        assertThat(err()).contains("85%").doesNotContain("100%");
    }

    @Test
    void offModePrintsNothingEvenForLongSteps() throws InterruptedException {
        try (Progress p = progress(Ui.ProgressMode.OFF, Duration.ZERO, Duration.ofMillis(10))) {
            p.stage("msm-a", 0.5);
            Thread.sleep(200);
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void barLineFillAgreesWithItsPercentageAndKeepsItsWidth() {
        try (Progress p = progress(Ui.ProgressMode.OFF, Duration.ZERO, Duration.ofSeconds(10))) {
            for (int percent : new int[] {0, 1, 35, 85, 99, 100}) {
                String line = p.barLine(percent / 100.0, "msm-c", 12_300_000_000L);
                assertThat(line).hasSize(79).startsWith("prove ").contains(percent + "% [").contains("] msm-c 12.30 s");
                String cells = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
                long filled = cells.chars().filter(c -> c == '=').count();
                assertThat(Math.round(100.0 * filled / cells.length())).as("fill of %s", line)
                        .isCloseTo(percent, org.assertj.core.data.Offset.offset(2L));
            }
            String unknown = p.barLine(Double.NaN, "reading circuit.zkey", 1_000_000_000L);
            assertThat(unknown).hasSize(79).contains("?% [").contains("*").contains("reading circuit.zkey");
            assertThat(p.barLine(0.5, "x".repeat(200), 0)).hasSize(79);
        }
    }

    @Test
    void durationsReadWell() {
        assertThat(Ui.seconds(Duration.ofMillis(45))).isEqualTo("45 ms");
        assertThat(Ui.seconds(Duration.ofMillis(1234))).isEqualTo("1.23 s");
        assertThat(Ui.seconds(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
    }
}
