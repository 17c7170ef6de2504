package io.zkml4j.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corrupted ONNX files (every truncation, seeded random bit flips, byte overwrites and insertions
 * of the fixtures) either import or fail with a {@link ModelImportException}: never another
 * exception, an OutOfMemoryError or a hang. Reproduce a failure with {@code -Dzkml.test.seed=N}.
 */
class OnnxFuzzTest {
    private static final long SEED = Long.getLong("zkml.test.seed", 20261121L);
    private static final int MUTATIONS = 1500;

    /** Imports {@code bytes}; returns true when it succeeded, false on a ModelImportException. */
    private static boolean tryImport(byte[] bytes, String what) {
        try {
            OnnxImporter.fromModel(OnnxDecoder.decode(bytes, what), what);
            return true;
        } catch (ModelImportException e) {
            assertThat(e.getMessage()).startsWith(what + ":");
            return false;
        } catch (Throwable t) {
            throw new AssertionError("leaked " + t + " for " + what, t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"digits_mlp", "digits_cnn", "digits_bn_maxpool", "logistic", "unsupported_gather"})
    void everyTruncationFailsCleanly(String name) throws Exception {
        byte[] full = Files.readAllBytes(Fixtures.model(name));
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int len = 0; len < full.length; len++) {
                byte[] cut = java.util.Arrays.copyOf(full, len);
                // A prefix that ends on a field boundary may still decode; it then lacks a graph part.
                tryImport(cut, name + "[0.." + len + ")");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"digits_mlp", "digits_cnn", "digits_bn_maxpool", "logistic"})
    void randomCorruptionsFailCleanly(String name) throws Exception {
        byte[] full = Files.readAllBytes(Fixtures.model(name));
        Random rnd = new Random(SEED ^ name.hashCode());
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] b = full.clone();
                String what;
                switch (i % 3) {
                    case 0 -> {
                        int pos = rnd.nextInt(b.length);
                        int bit = rnd.nextInt(8);
                        b[pos] ^= (byte) (1 << bit);
                        what = name + " flip bit " + bit + " of byte " + pos;
                    }
                    case 1 -> {
                        int pos = rnd.nextInt(b.length);
                        byte v = (byte) rnd.nextInt(256);
                        b[pos] = v;
                        what = name + " byte " + pos + " := " + (v & 0xFF);
                    }
                    default -> {
                        int pos = rnd.nextInt(b.length);
                        byte[] ins = new byte[1 + rnd.nextInt(4)];
                        for (int k = 0; k < ins.length; k++) {
                            ins[k] = (byte) (0x80 | rnd.nextInt(256)); // continuation bytes: long varints
                        }
                        byte[] nb = new byte[b.length + ins.length];
                        System.arraycopy(b, 0, nb, 0, pos);
                        System.arraycopy(ins, 0, nb, pos, ins.length);
                        System.arraycopy(b, pos, nb, pos + ins.length, b.length - pos);
                        b = nb;
                        what = name + " insert " + ins.length + " bytes at " + pos;
                    }
                }
                outcomes[tryImport(b, what) ? 0 : 1]++;
            }
        });
        // Both outcomes occur: flips inside float weights import fine, flips in the structure fail.
        assertThat(outcomes[0]).isPositive();
        assertThat(outcomes[1]).isPositive();
    }
}
