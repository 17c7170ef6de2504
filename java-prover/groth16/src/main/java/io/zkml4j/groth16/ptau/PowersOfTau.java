package io.zkml4j.groth16.ptau;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G1Jacobian;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.curve.G2Jacobian;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.r1cs.binfile.BinFileException;
import io.zkml4j.r1cs.binfile.BinFileWriter;
import io.zkml4j.r1cs.binfile.SectionReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Local powers-of-tau ceremonies producing snarkjs-compatible {@code .ptau} files.
 *
 * <p><b>For development and tests only.</b> A ceremony run on one machine by one person is exactly as
 * trustworthy as that machine and person: whoever learns the contributed secrets (τ, α, β) can forge
 * proofs for every circuit set up from the file. Production keys need a public multi-party ceremony
 * (for example the Perpetual Powers of Tau / Hermez files that snarkjs documents), which these
 * methods do not replace. The secrets here live in ordinary Java heap memory and are not wiped.
 *
 * <p>Compatibility: {@link #contribute} follows snarkjs's {@code powersoftau contribute} exactly —
 * key derivation, response and challenge hashes, the partial-hash record — so
 * {@code snarkjs powersoftau verify} accepts the files, and snarkjs can contribute on top of ours and
 * we on top of theirs. {@link #preparePhase2} produces byte-for-byte the same Lagrange sections as
 * {@code snarkjs powersoftau prepare phase2}.
 */
public final class PowersOfTau {

    /** Points per processing chunk (bounded memory whatever the power). */
    private static final int CHUNK = 1 << 12;

    private PowersOfTau() {
    }

    /**
     * Writes a fresh ceremony of the given power: every power is the generator (τ = α = β = 1) and no
     * contribution is recorded — like {@code snarkjs powersoftau new bn128 <power>}. Insecure until
     * someone contributes.
     *
     * @return the first challenge hash (what snarkjs prints as "First Contribution Hash")
     * @throws IllegalArgumentException unless {@code 1 <= power <= 28}
     */
    public static byte[] newCeremony(int power, Path out) {
        checkPower(power);
        try (BinFileWriter w = BinFileWriter.create(out, "ptau", 1, 7)) {
            PtauFile.writeHeader(w, power, power);
            long n = 1L << power;
            writeRepeated(w, PtauSection.TAU_G1.id(), G1Affine.GENERATOR, 2 * n - 1);
            writeRepeated(w, PtauSection.TAU_G2.id(), G2Affine.GENERATOR, n);
            writeRepeated(w, PtauSection.ALPHA_TAU_G1.id(), G1Affine.GENERATOR, n);
            writeRepeated(w, PtauSection.BETA_TAU_G1.id(), G1Affine.GENERATOR, n);
            writeRepeated(w, PtauSection.BETA_G2.id(), G2Affine.GENERATOR, 1);
            PtauFile.writeContributions(w, List.of());
            w.commit();
        }
        return firstChallengeHash(power);
    }

    private static void writeRepeated(BinFileWriter w, int section, Object point, long count) {
        long[] limbs = new long[point instanceof G1Affine ? 8 : 16];
        if (point instanceof G1Affine p) {
            p.writeMontgomery(limbs, 0);
        } else {
            ((G2Affine) point).writeMontgomery(limbs, 0);
        }
        w.beginSection(section);
        for (long i = 0; i < count; i++) {
            w.words(limbs, 0, limbs.length);
        }
        w.endSection();
    }

    /**
     * The challenge hash of a fresh ceremony: Blake2b-512 of the Blake2b-512 of nothing, then every
     * point of a fresh file (all generators) uncompressed, section by section.
     */
    public static byte[] firstChallengeHash(int power) {
        checkPower(power);
        Blake2bDigest h = new Blake2bDigest(512);
        byte[] empty = new byte[64];
        new Blake2bDigest(512).doFinal(empty, 0);
        h.update(empty, 0, 64);
        byte[] g1 = SnarkjsEncoding.uncompressed(G1Affine.GENERATOR);
        byte[] g2 = SnarkjsEncoding.uncompressed(G2Affine.GENERATOR);
        long n = 1L << power;
        repeat(h, g1, 2 * n - 1);
        repeat(h, g2, n);
        repeat(h, g1, n);
        repeat(h, g1, n);
        h.update(g2, 0, g2.length);
        byte[] out = new byte[64];
        h.doFinal(out, 0);
        return out;
    }

    private static void repeat(Blake2bDigest h, byte[] block, long times) {
        byte[] big = new byte[block.length * 1024];
        for (int i = 0; i < 1024; i++) {
            System.arraycopy(block, 0, big, i * block.length, block.length);
        }
        long full = times / 1024;
        for (long i = 0; i < full; i++) {
            h.update(big, 0, big.length);
        }
        for (long i = full * 1024; i < times; i++) {
            h.update(block, 0, block.length);
        }
    }

    /** The result of a contribution: the hashes snarkjs prints. */
    public record ContributionResult(byte[] responseHash, byte[] nextChallengeHash) {
    }

    /**
     * Adds a contribution with fresh secrets derived from {@link SecureRandom} and the entropy text,
     * like {@code snarkjs powersoftau contribute <in> <out> --name=<name> -e=<entropy>}. The output has
     * no Lagrange sections (prepare it again afterwards). Development use only (see the class comment).
     *
     * @param name    recorded in the file (first 64 characters); may be null
     * @param entropy mixed into the key derivation; must not be empty
     * @throws BinFileException         if the input is invalid or the output cannot be written
     * @throws IllegalArgumentException if the input was truncated (power below its ceremony power)
     */
    public static ContributionResult contribute(Path in, Path out, String name, String entropy) {
        return contribute(in, out, name, entropy, new SecureRandom());
    }

    /**
     * As {@link #contribute(Path, Path, String, String)} with the 64 fresh bytes drawn from
     * {@code random} — pass a seeded generator only to make tests reproducible.
     */
    public static ContributionResult contribute(Path in, Path out, String name, String entropy,
                                                RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        try (PtauFile old = PtauFile.open(in)) {
            if (old.power() != old.ceremonyPower()) {
                throw new IllegalArgumentException(old.fileName() + ": power " + old.power()
                        + " is below the ceremony power " + old.ceremonyPower()
                        + "; a truncated file cannot take contributions");
            }
            int power = old.power();
            List<PtauContribution> previous = old.contributions();
            byte[] challenge = previous.isEmpty() ? firstChallengeHash(power)
                    : previous.get(previous.size() - 1).nextChallenge();

            SnarkjsRng rng = SnarkjsRng.fromEntropy(entropy, random);
            Fr tau = rng.nextFr();
            Fr alpha = rng.nextFr();
            Fr beta = rng.nextFr();
            G1Affine[] tauKey = proofOfKnowledge(rng, tau, 0, challenge);
            G1Affine[] alphaKey = proofOfKnowledge(rng, alpha, 1, challenge);
            G1Affine[] betaKey = proofOfKnowledge(rng, beta, 2, challenge);
            PtauPublicKey key = new PtauPublicKey(tauKey[0], tauKey[1], alphaKey[0], alphaKey[1], betaKey[0],
                    betaKey[1], g2sp(0, challenge, tauKey).mul(tau), g2sp(1, challenge, alphaKey).mul(alpha),
                    g2sp(2, challenge, betaKey).mul(beta));

            ResumableBlake2b response = new ResumableBlake2b();
            response.update(challenge);
            long n = 1L << power;
            Path side = sideFile(out);
            try {
                G1Affine tauG1;
                G2Affine tauG2;
                G1Affine alphaG1;
                G1Affine betaG1;
                G2Affine betaG2;
                try (BinFileWriter w = BinFileWriter.create(out, "ptau", 1, 7);
                     OutputStream uncompressed = new BufferedOutputStream(Files.newOutputStream(side), 1 << 16)) {
                    PtauFile.writeHeader(w, power, power);
                    tauG1 = (G1Affine) scaleSection(old, w, PtauSection.TAU_G1, 2 * n - 1, Fr.ONE, tau, response,
                            uncompressed)[1];
                    tauG2 = (G2Affine) scaleSection(old, w, PtauSection.TAU_G2, n, Fr.ONE, tau, response,
                            uncompressed)[1];
                    alphaG1 = (G1Affine) scaleSection(old, w, PtauSection.ALPHA_TAU_G1, n, alpha, tau, response,
                            uncompressed)[0];
                    betaG1 = (G1Affine) scaleSection(old, w, PtauSection.BETA_TAU_G1, n, beta, tau, response,
                            uncompressed)[0];
                    betaG2 = (G2Affine) scaleSection(old, w, PtauSection.BETA_G2, 1, beta, tau, response,
                            uncompressed)[0];
                    uncompressed.close();
                    byte[] partial = response.partialState();
                    response.update(key.uncompressed());
                    byte[] responseHash = response.digest();

                    Blake2bDigest next = new Blake2bDigest(512);
                    next.update(responseHash, 0, 64);
                    hashFile(next, side);
                    byte[] nextChallenge = new byte[64];
                    next.doFinal(nextChallenge, 0);

                    List<PtauContribution> all = new ArrayList<>(previous);
                    all.add(new PtauContribution(tauG1, tauG2, alphaG1, betaG1, betaG2, key, partial, nextChallenge,
                            PtauContribution.TYPE_CONTRIBUTION, name, 0, null));
                    PtauFile.writeContributions(w, all);
                    w.commit();
                    return new ContributionResult(responseHash, nextChallenge);
                } catch (IOException e) {
                    throw new BinFileException(out.getFileName() + ": cannot write the hashing side file " + side
                            + ": " + e, e);
                }
            } finally {
                try {
                    Files.deleteIfExists(side);
                } catch (IOException ignored) {
                    // best effort: a leftover side file holds only public points
                }
            }
        }
    }

    private static Path sideFile(Path out) {
        Path dir = out.toAbsolutePath().getParent();
        try {
            return Files.createTempFile(dir, "." + out.getFileName() + ".", ".points");
        } catch (IOException e) {
            throw new BinFileException(out.getFileName() + ": cannot create a temporary file in " + dir + ": " + e, e);
        }
    }

    private static void hashFile(Blake2bDigest h, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) {
                h.update(buf, 0, r);
            }
        }
    }

    /** {@code [s, s·x]} for a fresh random G1 point {@code s}. */
    private static G1Affine[] proofOfKnowledge(SnarkjsRng rng, Fr secret, int personalization, byte[] challenge) {
        G1Affine s = rng.nextG1();
        return new G1Affine[] {s, s.mul(secret)};
    }

    /**
     * snarkjs {@code getG2sp}: {@code hashToG2(Blake2b-512(personalization byte || challenge || s || s·x))},
     * points uncompressed.
     */
    static G2Affine g2sp(int personalization, byte[] challenge, G1Affine[] key) {
        Blake2bDigest h = new Blake2bDigest(512);
        h.update((byte) personalization);
        h.update(challenge, 0, challenge.length);
        byte[] s = SnarkjsEncoding.uncompressed(key[0]);
        byte[] sx = SnarkjsEncoding.uncompressed(key[1]);
        h.update(s, 0, s.length);
        h.update(sx, 0, sx.length);
        byte[] hash = new byte[64];
        h.doFinal(hash, 0);
        return SnarkjsRng.hashToG2(hash);
    }

    /**
     * Writes section {@code s} with point {@code i} multiplied by {@code first·inc^i}, absorbing the new
     * points compressed into {@code response} and writing them uncompressed to {@code uncompressed}.
     * Returns the first two new points.
     */
    private static Object[] scaleSection(PtauFile old, BinFileWriter w, PtauSection s, long count, Fr first, Fr inc,
                                         ResumableBlake2b response, OutputStream uncompressed) throws IOException {
        Object[] firstTwo = new Object[2];
        SectionReader r = old.open(s);
        w.beginSection(s.id());
        Fr t = first;
        boolean g1 = s.group() == PtauSection.Group.G1;
        for (long done = 0; done < count; done += CHUNK) {
            int m = (int) Math.min(CHUNK, count - done);
            Fr[] factors = new Fr[m];
            for (int i = 0; i < m; i++) {
                factors[i] = t;
                t = t.mul(inc);
            }
            if (g1) {
                G1Affine[] pts = new G1Affine[m];
                for (int i = 0; i < m; i++) {
                    pts[i] = PtauFile.readG1(r, s.label() + " point " + (done + i));
                }
                G1Jacobian[] scaled = new G1Jacobian[m];
                IntStream.range(0, m).parallel().forEach(i -> scaled[i] = pts[i].toJacobian().mul(factors[i]));
                G1Affine[] res = G1Jacobian.toAffine(scaled);
                for (int i = 0; i < m; i++) {
                    PtauFile.write(w, res[i]);
                    response.update(SnarkjsEncoding.compressed(res[i]));
                    uncompressed.write(SnarkjsEncoding.uncompressed(res[i]));
                    if (done + i < 2) {
                        firstTwo[(int) (done + i)] = res[i];
                    }
                }
            } else {
                G2Affine[] pts = new G2Affine[m];
                for (int i = 0; i < m; i++) {
                    pts[i] = PtauFile.readG2(r, s.label() + " point " + (done + i));
                }
                G2Jacobian[] scaled = new G2Jacobian[m];
                IntStream.range(0, m).parallel().forEach(i -> scaled[i] = pts[i].toJacobian().mul(factors[i]));
                G2Affine[] res = G2Jacobian.toAffine(scaled);
                for (int i = 0; i < m; i++) {
                    PtauFile.write(w, res[i]);
                    response.update(SnarkjsEncoding.compressed(res[i]));
                    uncompressed.write(SnarkjsEncoding.uncompressed(res[i]));
                    if (done + i < 2) {
                        firstTwo[(int) (done + i)] = res[i];
                    }
                }
            }
        }
        r.expectEnd(count + " points");
        w.endSection();
        return firstTwo;
    }

    /**
     * Adds the Lagrange sections 12..15, like {@code snarkjs powersoftau prepare phase2}: for every
     * level {@code k = 0 .. power} (tauG1 also {@code power + 1}) the inverse FFT of the first
     * {@code 2^k} powers (see {@link PtauSection}). Sections 2..7 are copied unchanged; the header's
     * ceremony power is set to the power, as snarkjs does.
     *
     * <p>Cost: about {@code Σ_k k·2^(k−1) ≈ power·2^power} scalar multiplications per section (G2
     * ones about three times dearer), by double-and-add on the immutable point types. Measured on 2
     * cores (JDK 25): power 8 in 4.3 s, power 10 in 13 s; so roughly 25 minutes at power 16. A
     * faster group FFT (flat kernels, windowed twiddle multiplication) is possible future work; for
     * large powers a public prepared file is the better source anyway.
     *
     * @throws UnsupportedOperationException for power 28, whose tauG1 level 29 exceeds the largest
     *     radix-2 domain of Fr (snarkjs handles it with a coset split that is not implemented here)
     */
    public static void preparePhase2(Path in, Path out) {
        try (PtauFile old = PtauFile.open(in)) {
            int power = old.power();
            if (power + 1 > PtauFile.MAX_POWER) {
                throw new UnsupportedOperationException(old.fileName() + ": preparing power " + power
                        + " needs a 2^" + (power + 1) + " FFT, beyond Fr's 2-adicity " + PtauFile.MAX_POWER);
            }
            try (BinFileWriter w = BinFileWriter.create(out, "ptau", 1, 11)) {
                PtauFile.writeHeader(w, power, power);
                for (PtauSection s : new PtauSection[] {PtauSection.TAU_G1, PtauSection.TAU_G2,
                    PtauSection.ALPHA_TAU_G1, PtauSection.BETA_TAU_G1, PtauSection.BETA_G2,
                    PtauSection.CONTRIBUTIONS}) {
                    w.beginSection(s.id());
                    old.copyPayload(s, w);
                    w.endSection();
                }
                for (PtauSection s : new PtauSection[] {PtauSection.TAU_G1, PtauSection.TAU_G2,
                    PtauSection.ALPHA_TAU_G1, PtauSection.BETA_TAU_G1}) {
                    PtauSection target = s.lagrange();
                    w.beginSection(target.id());
                    for (int k = 0; k <= target.maxLagrangeLevel(power); k++) {
                        writeLagrangeLevel(old, w, s, k, power);
                    }
                    w.endSection();
                }
                w.commit();
            }
        }
    }

    private static void writeLagrangeLevel(PtauFile old, BinFileWriter w, PtauSection s, int k, int power) {
        int n = 1 << k;
        if (s.group() == PtauSection.Group.G1) {
            boolean padded = s == PtauSection.TAU_G1 && k == power + 1;
            G1Affine[] pts = old.readG1(s, 0, padded ? n - 1 : n);
            G1Jacobian[] v = new G1Jacobian[n];
            for (int i = 0; i < pts.length; i++) {
                v[i] = pts[i].toJacobian();
            }
            if (padded) {
                v[n - 1] = G1Jacobian.INFINITY;
            }
            GroupFft.inverse(v);
            for (G1Affine p : G1Jacobian.toAffine(v)) {
                PtauFile.write(w, p);
            }
        } else {
            G2Affine[] pts = old.readG2(s, 0, n);
            G2Jacobian[] v = new G2Jacobian[n];
            for (int i = 0; i < n; i++) {
                v[i] = pts[i].toJacobian();
            }
            GroupFft.inverse(v);
            for (G2Affine p : G2Jacobian.toAffine(v)) {
                PtauFile.write(w, p);
            }
        }
    }

    private static void checkPower(int power) {
        if (power < 1 || power > PtauFile.MAX_POWER) {
            throw new IllegalArgumentException("Expected a power from 1 to " + PtauFile.MAX_POWER + " but got " + power);
        }
    }

}
