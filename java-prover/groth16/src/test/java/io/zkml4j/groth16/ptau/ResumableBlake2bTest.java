package io.zkml4j.groth16.ptau;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class ResumableBlake2bTest {

    private static final long SEED = Long.getLong("zkml.test.seed", 20261121L);

    private static byte[] bouncyCastle(byte[] data) {
        Blake2bDigest d = new Blake2bDigest(512);
        d.update(data, 0, data.length);
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out;
    }

    @Test
    void matchesBouncyCastleForEveryLengthAroundBlockBoundaries() {
        Random rnd = new Random(SEED);
        for (int len = 0; len <= 400; len++) {
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            ResumableBlake2b h = new ResumableBlake2b();
            int at = 0;
            while (at < len) { // random update splits
                int n = Math.min(len - at, 1 + rnd.nextInt(200));
                h.update(data, at, n);
                at += n;
            }
            assertThat(h.digest()).as("length %d", len).isEqualTo(bouncyCastle(data));
        }
    }

    @Test
    void partialStateResumesAnywhereAndUsesSnarkjsLayout() {
        Random rnd = new Random(SEED + 1);
        byte[] data = new byte[700];
        rnd.nextBytes(data);
        for (int split : new int[] {1, 64, 127, 128, 129, 256, 300, 699}) {
            ResumableBlake2b h = new ResumableBlake2b();
            h.update(data, 0, split);
            byte[] state = h.partialState();
            assertThat(state).hasSize(216);
            ByteBuffer b = ByteBuffer.wrap(state).order(ByteOrder.LITTLE_ENDIAN);
            int pending = split % 128 == 0 ? 128 : split % 128; // a full block waits for more input
            assertThat(b.getLong(192)).as("compressed bytes").isEqualTo(split - pending);
            assertThat(b.getInt(200)).as("pending bytes").isEqualTo(pending);
            ResumableBlake2b resumed = ResumableBlake2b.fromPartialState(state);
            resumed.update(data, split, data.length - split);
            assertThat(resumed.digest()).as("split %d", split).isEqualTo(bouncyCastle(data));
        }
    }
}
