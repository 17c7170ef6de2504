package io.zkml4j.groth16.setup;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G1Jacobian;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.PointSource;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.ptau.PtauFile;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import io.zkml4j.groth16.ptau.SnarkjsRng;
import io.zkml4j.groth16.zkey.ZkeyFile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Phase-2 (circuit-specific) contributions to a Groth16 zkey, as {@code snarkjs zkey contribute}
 * makes them, so that snarkjs and zkml4j can take turns and {@code snarkjs zkey verify} accepts every
 * key in the chain.
 *
 * <h2>What a contribution does</h2>
 * A fresh secret {@code d} (drawn by {@link SnarkjsRng#fromEntropy} from 64 fresh random bytes and
 * the entropy text) multiplies {@code delta1} and {@code delta2}, and divides every C and H point. The
 * record appended to section 10 is: {@code deltaAfter} (the new delta1), a random G1 point {@code s},
 * {@code s·d}, {@code sp·d} with {@code sp = hashToG2(transcript)}, the 64-byte transcript, type 0 and
 * the name parameter. The transcript is Blake2b-512 of the circuit hash, every earlier record
 * ({@code deltaAfter, s, s·d, sp·d} uncompressed, then its transcript), then {@code s} and {@code s·d}.
 * The contribution hash snarkjs prints is Blake2b-512 of the new record in that same form.
 *
 * <p>Keys are read whole into memory ({@link ZkeyFile#read}) and written in numerical section order,
 * as snarkjs writes contributed keys. The secret lives in ordinary heap memory and is not wiped:
 * <b>development use</b>; a production key needs contributors who run on machines they trust.
 */
public final class ZkeyContribution {

    private ZkeyContribution() {
    }

    /** One record of a zkey contributions section. */
    public record Record(G1Affine deltaAfter, G1Affine g1S, G1Affine g1SX, G2Affine g2SPX, byte[] transcript,
                         int type, Optional<String> name) {

        /** {@code deltaAfter, s, s·d, sp·d} uncompressed, then the transcript: snarkjs's {@code hashPubKey}. */
        void hashInto(Blake2bDigest h) {
            update(h, SnarkjsEncoding.uncompressed(deltaAfter));
            update(h, SnarkjsEncoding.uncompressed(g1S));
            update(h, SnarkjsEncoding.uncompressed(g1SX));
            update(h, SnarkjsEncoding.uncompressed(g2SPX));
            update(h, transcript);
        }

        /** The hash snarkjs prints as "Contribution Hash". */
        public byte[] contributionHash() {
            Blake2bDigest h = new Blake2bDigest(512);
            hashInto(h);
            byte[] out = new byte[64];
            h.doFinal(out, 0);
            return out;
        }
    }

    /** The parsed contributions section: the circuit hash and the records. */
    public record Transcript(byte[] circuitHash, List<Record> records) {
    }

    /** The outcome: the new key and the contribution hash (also as snarkjs prints it). */
    public record Result(ProvingKey key, byte[] contributionHash) {

        /** The hash formatted as snarkjs prints it after "Contribution Hash:". */
        public String formattedHash() {
            return SnarkjsEncoding.formatHash(contributionHash, "Contribution Hash: ");
        }
    }

    /**
     * {@code snarkjs zkey contribute <in> <out> --name=<name> -e=<entropy>} with fresh randomness from
     * {@link SecureRandom}.
     *
     * @throws Groth16Exception         if the input cannot be read or the output written
     * @throws IllegalArgumentException if the entropy is empty
     */
    public static Result contribute(Path in, Path out, String name, String entropy) {
        return contribute(in, out, name, entropy, new SecureRandom());
    }

    /** As {@link #contribute(Path, Path, String, String)}, drawing the 64 fresh bytes from {@code random}. */
    public static Result contribute(Path in, Path out, String name, String entropy, RandomGenerator random) {
        Result r = contribute(ZkeyFile.read(in), name, entropy, random);
        ZkeyFile.write(r.key(), out);
        return r;
    }

    /** The contribution applied to a key in memory (the C and H vectors are new arrays; others are shared). */
    public static Result contribute(ProvingKey key, String name, String entropy, RandomGenerator random) {
        Objects.requireNonNull(key, "key");
        byte[] section = key.contributions();
        Transcript old = parse(section);
        SnarkjsRng rng = SnarkjsRng.fromEntropy(entropy, random);

        Blake2bDigest transcriptHasher = new Blake2bDigest(512);
        update(transcriptHasher, old.circuitHash());
        for (Record r : old.records()) {
            r.hashInto(transcriptHasher);
        }
        Fr d = rng.nextFr();
        G1Affine s = rng.nextG1();
        G1Affine sd = s.mul(d);
        update(transcriptHasher, SnarkjsEncoding.uncompressed(s));
        update(transcriptHasher, SnarkjsEncoding.uncompressed(sd));
        byte[] transcript = new byte[64];
        transcriptHasher.doFinal(transcript, 0);
        G2Affine spd = SnarkjsRng.hashToG2(transcript).mul(d);

        G1Affine delta1 = key.delta1().mul(d);
        G2Affine delta2 = key.delta2().mul(d);
        Record record = new Record(delta1, s, sd, spd, transcript, 0, Optional.ofNullable(name));

        Fr dInverse = d.inverse();
        ByteArrayOutputStream newSection = new ByteArrayOutputStream(section.length + 600);
        newSection.writeBytes(old.circuitHash());
        newSection.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(old.records().size() + 1)
                .array());
        newSection.write(section, 68, section.length - 68);
        newSection.writeBytes(encode(record));

        ProvingKey next = key.toBuilder()
                .delta1(delta1)
                .delta2(delta2)
                .pointsC(scale(key.pointsC(), dInverse))
                .pointsH(scale(key.pointsH(), dInverse))
                .contributions(newSection.toByteArray())
                .build();
        return new Result(next, record.contributionHash());
    }

    /**
     * Parses a zkey contributions section (section 10 payload).
     *
     * @throws Groth16Exception if it is malformed
     */
    public static Transcript parse(byte[] section) {
        ByteBuffer b = ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] cs = new byte[64];
            b.get(cs);
            long n = Integer.toUnsignedLong(b.getInt());
            int minRecord = 64 * 3 + 128 + 64 + 4 + 4;
            if (n > b.remaining() / minRecord) {
                throw new Groth16Exception("zkey contributions section declares " + n + " contributions but holds "
                        + b.remaining() + " bytes after the circuit hash");
            }
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                G1Affine deltaAfter = g1(b, i, "deltaAfter");
                G1Affine g1s = g1(b, i, "g1_s");
                G1Affine g1sx = g1(b, i, "g1_sx");
                G2Affine g2spx = g2(b, i, "g2_spx");
                byte[] transcript = new byte[64];
                b.get(transcript);
                int type = b.getInt();
                int paramLength = b.getInt();
                if (paramLength < 0 || paramLength > b.remaining()) {
                    throw new Groth16Exception("zkey contribution #" + (i + 1) + " declares " + paramLength
                            + " parameter bytes but " + b.remaining() + " remain");
                }
                byte[] params = new byte[paramLength];
                b.get(params);
                records.add(new Record(deltaAfter, g1s, g1sx, g2spx, transcript, type, nameOf(params, i)));
            }
            if (b.hasRemaining()) {
                throw new Groth16Exception("zkey contributions section has " + b.remaining() + " bytes after "
                        + n + " contributions");
            }
            return new Transcript(cs, List.copyOf(records));
        } catch (java.nio.BufferUnderflowException e) {
            throw new Groth16Exception("zkey contributions section is truncated (" + section.length + " bytes)", e);
        }
    }

    private static Optional<String> nameOf(byte[] params, int i) {
        int at = 0;
        int last = 0;
        String name = null;
        while (at < params.length) {
            int t = params[at++] & 0xff;
            if (t <= last || at >= params.length) {
                throw new Groth16Exception("zkey contribution #" + (i + 1) + ": malformed parameters");
            }
            last = t;
            int len = params[at++] & 0xff;
            if (t == 2) {
                continue; // numIterationsExp: a single byte, already consumed
            }
            if (t != 1 && t != 3 || at + len > params.length) {
                throw new Groth16Exception("zkey contribution #" + (i + 1) + ": malformed parameter of type " + t);
            }
            if (t == 1) {
                name = new String(params, at, len, java.nio.charset.StandardCharsets.UTF_8);
            }
            at += len;
        }
        return Optional.ofNullable(name);
    }

    private static byte[] encode(Record r) {
        ByteBuffer b = ByteBuffer.allocate(64 * 3 + 128 + 64 + 8 + 2 + 255).order(ByteOrder.LITTLE_ENDIAN);
        long[] l = new long[16];
        for (G1Affine p : new G1Affine[] {r.deltaAfter(), r.g1S(), r.g1SX()}) {
            p.writeMontgomery(l, 0);
            for (int i = 0; i < 8; i++) {
                b.putLong(l[i]);
            }
        }
        r.g2SPX().writeMontgomery(l, 0);
        for (int i = 0; i < 16; i++) {
            b.putLong(l[i]);
        }
        b.put(r.transcript());
        b.putInt(r.type());
        if (r.name().isPresent()) {
            byte[] name = PtauFile.encodeName(r.name().get());
            b.putInt(2 + name.length);
            b.put((byte) 1);
            b.put((byte) name.length);
            b.put(name);
        } else {
            b.putInt(0);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static G1Affine g1(ByteBuffer b, int i, String what) {
        long[] l = new long[8];
        for (int k = 0; k < 8; k++) {
            l[k] = b.getLong();
        }
        try {
            return G1Affine.fromMontgomeryLimbs(l, 0);
        } catch (RuntimeException e) {
            throw new Groth16Exception("zkey contribution #" + (i + 1) + " " + what + " is not a G1 point: "
                    + e.getMessage(), e);
        }
    }

    private static G2Affine g2(ByteBuffer b, int i, String what) {
        long[] l = new long[16];
        for (int k = 0; k < 16; k++) {
            l[k] = b.getLong();
        }
        try {
            return G2Affine.fromMontgomeryLimbs(l, 0);
        } catch (RuntimeException e) {
            throw new Groth16Exception("zkey contribution #" + (i + 1) + " " + what + " is not a G2 point: "
                    + e.getMessage(), e);
        }
    }

    private static long[] scale(PointSource points, Fr factor) {
        int n = points.size();
        long[] in = points.toArray();
        G1Jacobian[] scaled = new G1Jacobian[n];
        IntStream.range(0, n).parallel().forEach(i -> scaled[i] = G1Affine.fromMontgomeryLimbs(in, 8 * i)
                .toJacobian().mul(factor));
        return Groth16Setup.flatG1(G1Jacobian.toAffine(scaled));
    }

    private static void update(Blake2bDigest d, byte[] b) {
        d.update(b, 0, b.length);
    }
}
